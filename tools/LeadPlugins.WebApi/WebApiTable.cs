using System.Text.Json;

namespace LeadPlugins.WebApi;

/// <summary>What the client needs to know of a table: its entity set, primary key, column types and lookups' navigation properties.</summary>
public sealed class WebApiTable
{
    public WebApiTable(string logicalName, string entitySetName, string primaryIdAttribute,
        IReadOnlyDictionary<string, string> attributeTypes, IReadOnlyDictionary<string, IReadOnlyList<(string Target, string Navigation)>> lookups)
    {
        LogicalName = logicalName;
        EntitySetName = entitySetName;
        PrimaryIdAttribute = primaryIdAttribute;
        AttributeTypes = attributeTypes;
        Lookups = lookups;
    }

    public string LogicalName { get; }
    public string EntitySetName { get; }
    public string PrimaryIdAttribute { get; }
    /// <summary>Column -> AttributeType (Picklist, Money, DateTime, Lookup, Owner, Customer, String, ...).</summary>
    public IReadOnlyDictionary<string, string> AttributeTypes { get; }
    /// <summary>Lookup column -> the tables it may point to, each with its single-valued navigation property (for @odata.bind).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Target, string Navigation)>> Lookups { get; }

    public string? TypeOf(string attribute) => AttributeTypes.TryGetValue(attribute, out var type) ? type : null;

    /// <summary>The EntityDefinitions query that returns everything this class holds, in one request.</summary>
    public static string Query(string logicalName)
        => "EntityDefinitions(LogicalName='" + logicalName + "')?$select=LogicalName,EntitySetName,PrimaryIdAttribute"
           + "&$expand=Attributes($select=LogicalName,AttributeType),ManyToOneRelationships($select=ReferencingAttribute,ReferencingEntityNavigationPropertyName,ReferencedEntity)";

    /// <summary>Reads the answer to <see cref="Query"/> (an EntityMetadata entity with its Attributes and ManyToOneRelationships).</summary>
    public static WebApiTable Parse(JsonElement definition)
    {
        string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        if (definition.TryGetProperty("Attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array)
            foreach (var attribute in attributes.EnumerateArray()) types[Text(attribute, "LogicalName")] = Text(attribute, "AttributeType");
        var lookups = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        if (definition.TryGetProperty("ManyToOneRelationships", out var relationships) && relationships.ValueKind == JsonValueKind.Array)
        {
            foreach (var relationship in relationships.EnumerateArray())
            {
                var column = Text(relationship, "ReferencingAttribute");
                if (!lookups.TryGetValue(column, out var list)) lookups[column] = list = new List<(string, string)>();
                list.Add((Text(relationship, "ReferencedEntity"), Text(relationship, "ReferencingEntityNavigationPropertyName")));
            }
        }
        return new WebApiTable(Text(definition, "LogicalName"), Text(definition, "EntitySetName"), Text(definition, "PrimaryIdAttribute"), types,
            lookups.ToDictionary(p => p.Key, p => (IReadOnlyList<(string, string)>)p.Value, StringComparer.Ordinal));
    }
}
