using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// The server fills <see cref="EntityReference.Name"/> of the lookups it returns with the related row's primary name
/// column, read when the row is read (SDK docs of EntityReference.Name), so a renamed row shows on the next read.
/// </summary>
internal sealed class LookupNames
{
    private readonly InMemoryDataverse _dataverse;

    public LookupNames(InMemoryDataverse dataverse) { _dataverse = dataverse; }

    /// <summary>The related row's primary name, or null (no such row, no primary name column, or an empty name).</summary>
    public string? NameOf(EntityReference reference)
    {
        var primaryName = _dataverse.Schema.FindTable(reference.LogicalName)?.PrimaryName;
        if (primaryName == null) return null;
        return _dataverse.Store.Find(reference.LogicalName, reference.Id)?.Attributes.TryGetValue(primaryName, out var name) == true ? name as string : null;
    }

    /// <summary>Fills the names of every lookup of a result row (aliased link columns included); the row is already a copy.</summary>
    public Entity Fill(Entity result)
    {
        // The pairs, not Attributes.Values: that made a value collection and boxed its enumerator for every row returned.
        using var pairs = AttributePairs.Of(result.Attributes);
        for (var i = 0; i < pairs.Count; i++)
        {
            var value = pairs[i].Value;
            var reference = value as EntityReference ?? (value as AliasedValue)?.Value as EntityReference;
            if (reference != null) reference.Name = NameOf(reference);
        }
        return result;
    }
}
