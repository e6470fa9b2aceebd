using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>One never-changed reference per row id of one table, shared by the stored rows that name it.</summary>
internal sealed class SharedReferences
{
    private readonly Dictionary<Guid, EntityReference> _byId = new();

    public SharedReferences(string table) { Table = table; }

    public string Table { get; }

    public EntityReference Get(Guid id)
    {
        if (!_byId.TryGetValue(id, out var reference)) _byId[id] = reference = new EntityReference(Table, id);
        return reference;
    }
}
