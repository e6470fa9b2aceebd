using LeadPlugins.Solution;
using Microsoft.Xrm.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// What the simulated Dataverse holds before the first lead: the seller who creates the leads (the caller) and the
/// configuration rows an admin would add (storefront settings, campaigns, offers, routing rules, nurture sequences
/// and steps, users, teams, even existing leads). Read from --seed-config:
/// <code>
/// { "caller": "sam",
///   "rows": { "systemuser": [ { "id": "sam", "fullname": "Sam Seller" } ],
///             "campaign": [ { "id": "as-2026", "name": "AppSource nurture 2026" } ],
///             "mpl_storefrontsetting": [ { "mpl_name": "AppSource", "mpl_storefront": "AppSource", "mpl_campaignid": "as-2026" } ] } }
/// </code>
/// An "id" is a GUID or any name (a stable GUID is derived from it), and lookups may use those names.
/// Values are text, numbers or booleans as for lead rows; choices by label or value; multi-choices as arrays.
/// </summary>
public sealed class SeedConfiguration
{
    /// <summary>The seller used when the configuration names none.</summary>
    public static readonly Guid DefaultSellerId = StableGuid.Create("leadplugins simulate: default seller");

    private SeedConfiguration(Guid callerId, IReadOnlyList<Entity> rows)
    {
        CallerId = callerId;
        Rows = rows;
    }

    /// <summary>The systemuser every lead is created as.</summary>
    public Guid CallerId { get; }

    /// <summary>Rows to seed (the default seller included when the caller is the default).</summary>
    public IReadOnlyList<Entity> Rows { get; }

    public static SeedConfiguration Default(ColumnValues values) => Parse("{}", values, "(default)");

    public static SeedConfiguration Load(string path, ColumnValues values)
    {
        if (!File.Exists(path)) throw new UnusableInputException("seed configuration not found: " + path);
        return Parse(File.ReadAllText(path), values, path);
    }

    public static Guid IdOf(string name) => Guid.TryParse(name, out var id) ? id : StableGuid.Create("leadplugins simulate: " + name);

    public static SeedConfiguration Parse(string json, ColumnValues values, string source)
    {
        JObject root;
        try
        {
            root = JObject.Parse(json);
        }
        catch (JsonException e)
        {
            throw new UnusableInputException(source + ": invalid JSON: " + e.Message);
        }
        foreach (var property in root.Properties())
            if (property.Name is not ("caller" or "rows" or "$comment"))
                throw new UnusableInputException(source + ": unknown key '" + property.Name + "' (expected caller, rows)");

        var rows = new List<Entity>();
        if (root["rows"] is JObject tables)
        {
            foreach (var table in tables.Properties())
            {
                if (table.Value is not JArray items) throw new UnusableInputException(source + ": rows." + table.Name + " must be an array of rows");
                for (var i = 0; i < items.Count; i++)
                {
                    var where = source + ": rows." + table.Name + "[" + i + "]";
                    if (items[i] is not JObject item) throw new UnusableInputException(where + " must be an object");
                    try
                    {
                        rows.Add(ToEntity(table.Name, item, values, i));
                    }
                    catch (InputException e)
                    {
                        throw new UnusableInputException(where + ": " + e.Message);
                    }
                }
            }
        }
        else if (root["rows"] != null)
        {
            throw new UnusableInputException(source + ": rows must be an object of table name -> array of rows");
        }

        Guid callerId;
        if (root["caller"] is JValue { Type: JTokenType.String } caller)
        {
            callerId = IdOf((string)caller.Value!);
            if (!rows.Any(r => r.LogicalName == "systemuser" && r.Id == callerId))
                throw new UnusableInputException(source + ": caller '" + caller.Value + "' is not a systemuser row of the configuration");
        }
        else
        {
            callerId = DefaultSellerId;
            rows.Insert(0, new Entity("systemuser", callerId)
            {
                ["fullname"] = "Sam Seller",
                ["internalemailaddress"] = "sam.seller@contoso.example",
                ["domainname"] = "sam.seller@contoso.example",
            });
        }
        return new SeedConfiguration(callerId, rows);
    }

    private static Entity ToEntity(string tableName, JObject item, ColumnValues values, int index)
    {
        var table = values.Table(tableName);
        var entity = new Entity(tableName);
        foreach (var property in item.Properties())
        {
            if (property.Name == "id")
            {
                entity.Id = IdOf(Text(property.Value) ?? throw new InputException("id must be text"));
                continue;
            }
            var column = values.Column(table, property.Name);
            var text = property.Value is JArray array
                ? string.Join(";", array.Select(v => Text(v) ?? throw new InputException(property.Name + ": arrays hold text or numbers")))
                : Text(property.Value) ?? (property.Value.Type == JTokenType.Null ? null : throw new InputException(property.Name + ": expected a value, got an object"));
            var value = values.Convert(table, column, text, name => IdOf(name));
            if (value != null) entity[property.Name] = value;
        }
        if (entity.Id == Guid.Empty) entity.Id = IdOf(tableName + " #" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return entity;
    }

    private static string? Text(JToken token) => token is JValue value && value.Value != null
        ? value.Type == JTokenType.Boolean ? ((bool)value.Value ? "true" : "false") : Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture)
        : null;
}
