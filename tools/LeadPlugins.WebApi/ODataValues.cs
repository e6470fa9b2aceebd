using System.Globalization;
using System.Text.Json;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.WebApi;

/// <summary>Entity <-> Web API JSON, driven by the table's metadata (Web API types: learn.microsoft.com .../webapi/web-api-types-operations).</summary>
public static class ODataValues
{
    public const string FormattedValue = "OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "Microsoft.Dynamics.CRM.lookuplogicalname";
    public const string AssociatedNavigationProperty = "Microsoft.Dynamics.CRM.associatednavigationproperty";

    /// <summary>Reads one row of a response ("select-columns.md": _x_value lookups with their annotations, formatted values).</summary>
    public static Entity ReadEntity(JsonElement row, WebApiTable table)
    {
        var entity = new Entity(table.LogicalName);
        foreach (var property in row.EnumerateObject())
        {
            var name = property.Name;
            if (name.Length == 0 || name[0] == '@') continue;
            var at = name.IndexOf('@');
            if (at >= 0)
            {
                if (name.AsSpan(at + 1).SequenceEqual(FormattedValue) && property.Value.ValueKind == JsonValueKind.String)
                    entity.FormattedValues[ColumnOf(name[..at])] = property.Value.GetString()!;
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            if (name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal))
            {
                var column = ColumnOf(name);
                var target = row.TryGetProperty(name + "@" + LookupLogicalName, out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()!
                    : table.Lookups.TryGetValue(column, out var targets) && targets.Count > 0 ? targets[0].Target : string.Empty;
                var reference = new EntityReference(target, property.Value.GetGuid());
                if (row.TryGetProperty(name + "@" + FormattedValue, out var display) && display.ValueKind == JsonValueKind.String) reference.Name = display.GetString();
                entity[column] = reference;
                continue;
            }
            var dot = name.IndexOf('.');
            if (dot > 0)
            {
                // A link-entity column of a fetch ("alias.column").
                entity[name] = new AliasedValue(string.Empty, name[(dot + 1)..], ReadUntyped(property.Value));
                continue;
            }
            entity[name] = ReadValue(property.Value, table.TypeOf(name));
            if (name == table.PrimaryIdAttribute && entity[name] is Guid id) entity.Id = id;
        }
        return entity;
    }

    private static string ColumnOf(string property)
        => property.StartsWith('_') && property.EndsWith("_value", StringComparison.Ordinal) ? property[1..^6] : property;

    public static object? ReadValue(JsonElement value, string? attributeType)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        switch (attributeType)
        {
            case "Picklist":
            case "State":
            case "Status":
                return new OptionSetValue(value.GetInt32());
            case "Money":
                return new Money(value.GetDecimal());
            case "DateTime":
                return ReadDateTime(value.GetString()!);
            case "Boolean":
                return value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False ? value.GetBoolean() : (object)value.ToString();
            case "Integer":
                return value.GetInt32();
            case "BigInt":
                return value.GetInt64();
            case "Decimal":
                return value.GetDecimal();
            case "Double":
                return value.GetDouble();
            case "Uniqueidentifier":
                return value.GetGuid();
            case "String":
            case "Memo":
            case "EntityName":
                return value.GetString();
            default:
                return ReadUntyped(value);
        }
    }

    /// <summary>Date-times are UTC on the wire (…Z); a date-only value has no time.</summary>
    public static DateTime ReadDateTime(string text)
        => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static object? ReadUntyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt32(out var i) ? i : value.GetDecimal(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };

    /// <summary>Writes the columns of an entity for POST/PATCH: lookups as nav@odata.bind, choices as numbers, date-times in UTC.</summary>
    public static void WriteEntity(Utf8JsonWriter writer, Entity entity, WebApiTable table, Func<string, WebApiTable> tableOf, bool includeType = false)
    {
        writer.WriteStartObject();
        if (includeType) writer.WriteString("@odata.type", "Microsoft.Dynamics.CRM." + table.LogicalName);
        var wroteId = false;
        foreach (var pair in entity.Attributes)
        {
            if (pair.Key == table.PrimaryIdAttribute) wroteId = true;
            WriteAttribute(writer, pair.Key, pair.Value, table, tableOf);
        }
        if (!wroteId && entity.Id != Guid.Empty) writer.WriteString(table.PrimaryIdAttribute, entity.Id);
        writer.WriteEndObject();
    }

    private static void WriteAttribute(Utf8JsonWriter writer, string name, object? value, WebApiTable table, Func<string, WebApiTable> tableOf)
    {
        var type = table.TypeOf(name);
        if (value is EntityReference || value == null && type is "Lookup" or "Owner" or "Customer")
        {
            var reference = value as EntityReference;
            if (!table.Lookups.TryGetValue(name, out var targets) || targets.Count == 0)
                throw new InvalidOperationException("Column " + table.LogicalName + "." + name + " is not a lookup the Web API can bind (no many-to-one relationship in its metadata).");
            var navigation = reference == null ? targets[0].Navigation
                : targets.FirstOrDefault(t => t.Target == reference.LogicalName).Navigation
                  ?? throw new InvalidOperationException("Column " + table.LogicalName + "." + name + " cannot point to a " + reference.LogicalName + ".");
            if (reference == null) writer.WriteNull(navigation + "@odata.bind");
            else writer.WriteString(navigation + "@odata.bind", "/" + tableOf(reference.LogicalName).EntitySetName + "(" + reference.Id.ToString("D") + ")");
            return;
        }
        writer.WritePropertyName(name);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case OptionSetValue option: writer.WriteNumberValue(option.Value); break;
            case OptionSetValueCollection options: writer.WriteStringValue(string.Join(",", options.Select(o => o.Value.ToString(CultureInfo.InvariantCulture)))); break;
            case Money money: writer.WriteNumberValue(money.Value); break;
            case DateTime date: writer.WriteStringValue(WriteDateTime(date)); break;
            case Guid guid: writer.WriteStringValue(guid); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case string text: writer.WriteStringValue(text); break;
            default: throw new InvalidOperationException("Column " + table.LogicalName + "." + name + ": values of type " + value.GetType().Name + " are not supported over the Web API client.");
        }
    }

    /// <summary>UTC, seconds precision, with Z: the form Dataverse returns.</summary>
    public static string WriteDateTime(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
