using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>What a request is about, for the pipeline: message, primary table and id, items, pre and post rows.</summary>
internal sealed class PipelineOperation
{
    public required string Message { get; init; }
    public string PrimaryEntityName { get; set; } = "none";
    public Guid PrimaryEntityId { get; set; }
    public TableSchema? Table { get; set; }
    /// <summary>"Create", "Update", "Delete" or null: which images and defaults apply.</summary>
    public string? Kind { get; set; }
    public bool IsBulk { get; set; }
    public List<Entity> Items { get; } = new();
    public List<Guid> Ids { get; } = new();
    public List<Entity?> PreRows { get; } = new();
    public List<Entity?> PostRows { get; } = new();

    public static PipelineOperation Describe(OrganizationRequest request, InMemoryDataverse dataverse)
    {
        var operation = new PipelineOperation { Message = request.RequestName ?? string.Empty };
        var parameters = request.Parameters;
        switch (operation.Message)
        {
            case "Create":
            case "Update":
                if (parameters.TryGetValue("Target", out var t) && t is Entity target)
                {
                    operation.Kind = operation.Message;
                    operation.ExpectItems(1);
                    AddItem(operation, target, dataverse);
                }
                break;
            case "CreateMultiple":
            case "UpdateMultiple":
                dataverse.Rows.ValidateBulk(request, operation.Message == "CreateMultiple");
                operation.Kind = operation.Message.Replace("Multiple", string.Empty, StringComparison.Ordinal);
                operation.IsBulk = true;
                var targets = ((EntityCollection)parameters["Targets"]).Entities;
                operation.ExpectItems(targets.Count);
                foreach (var item in targets) AddItem(operation, item, dataverse);
                operation.PrimaryEntityId = Guid.Empty;
                break;
            case "Delete":
                if (parameters.TryGetValue("Target", out var d) && d is EntityReference deleted)
                {
                    operation.Kind = "Delete";
                    operation.Table = dataverse.Schema.GetTable(deleted.LogicalName);
                    operation.PrimaryEntityName = deleted.LogicalName;
                    operation.PrimaryEntityId = deleted.Id;
                    operation.Ids.Add(deleted.Id);
                    operation.PreRows.Add(dataverse.Store.Find(deleted.LogicalName, deleted.Id));
                }
                break;
            case "RetrieveMultiple":
                operation.PrimaryEntityName = parameters.TryGetValue("Query", out var q) ? QueryEntityName(q) ?? "none" : "none";
                break;
            case "SetState":
                SetPrimary(operation, parameters.TryGetValue("EntityMoniker", out var m) ? m : null);
                break;
            case "QualifyLead":
                SetPrimary(operation, parameters.TryGetValue("LeadId", out var l) ? l : null);
                break;
            default:
                SetPrimary(operation, parameters.TryGetValue("Target", out var other) ? other : null);
                break;
        }
        return operation;
    }

    /// <summary>
    /// Lists as large as the request's targets and their pre and post rows: a list's first item makes room for four, and
    /// most writes have one. Only writes size them (queries and other messages have no items).
    /// </summary>
    private void ExpectItems(int count)
    {
        Items.Capacity = count;
        Ids.Capacity = count;
        PreRows.Capacity = count;
        PostRows.Capacity = count;
    }

    private static void AddItem(PipelineOperation operation, Entity item, InMemoryDataverse dataverse)
    {
        var table = dataverse.Schema.GetTable(item.LogicalName);
        // By position, as Validate reads the row (a foreach over the attribute names boxes their enumerator).
        using (var pairs = AttributePairs.Of(item.Attributes))
            for (var i = 0; i < pairs.Count; i++)
                if (table.FindColumn(pairs[i].Key, i) == null) throw Faults.NoAttribute(table.LogicalName, pairs[i].Key);
        operation.Table = table;
        operation.PrimaryEntityName = table.LogicalName;
        Guid id;
        if (operation.Kind == "Create")
        {
            id = item.Id != Guid.Empty ? item.Id : item.GetAttributeValue<Guid?>(table.PrimaryId) ?? Guid.Empty;
        }
        else
        {
            id = item.Id != Guid.Empty ? item.Id : item.GetAttributeValue<Guid?>(table.PrimaryId) ?? Guid.Empty;
            if (id == Guid.Empty && item.KeyAttributes.Count > 0) id = dataverse.Rows.Finder.FindByKey(table, item.KeyAttributes)?.Id ?? Guid.Empty;
        }
        operation.Items.Add(item);
        operation.Ids.Add(id);
        operation.PreRows.Add(operation.Kind == "Update" ? dataverse.Store.Find(table.LogicalName, id) : null);
        operation.PrimaryEntityId = operation.Ids[0];
    }

    private static void SetPrimary(PipelineOperation operation, object? target)
    {
        switch (target)
        {
            case EntityReference reference:
                operation.PrimaryEntityName = reference.LogicalName;
                operation.PrimaryEntityId = reference.Id;
                break;
            case Entity entity:
                operation.PrimaryEntityName = entity.LogicalName;
                operation.PrimaryEntityId = entity.Id;
                break;
        }
    }

    private static string? QueryEntityName(object? query) => query switch
    {
        QueryExpression q => q.EntityName,
        QueryByAttribute q => q.EntityName,
        FetchExpression f => TryParse(f.Query)?.Root?.Element("entity")?.Attribute("name")?.Value,
        _ => null,
    };

    private static XDocument? TryParse(string xml)
    {
        try
        {
            return XDocument.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
