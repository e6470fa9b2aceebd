using System.Globalization;
using System.Text.Json;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Emulator;

/// <summary>The emulator's side of the OData JSON: rows out (with @odata.etag and annotations), bodies in (@odata.bind lookups).</summary>
internal sealed class EmulatorJson
{
    private readonly Func<string, EmulatedTable?> _tableByName;
    private readonly Func<string, EmulatedTable?> _tableBySet;
    private readonly Func<EntityReference, string?> _nameOf;

    public EmulatorJson(Func<string, EmulatedTable?> tableByName, Func<string, EmulatedTable?> tableBySet, Func<EntityReference, string?> nameOf)
    {
        _tableByName = tableByName;
        _tableBySet = tableBySet;
        _nameOf = nameOf;
    }

    /// <summary>Which annotations the caller asked for with Prefer: odata.include-annotations (select-columns.md, page-results.md).</summary>
    public sealed record Annotations(bool Formatted, bool Lookups, bool Paging)
    {
        public static Annotations From(string? prefer)
        {
            var text = prefer ?? string.Empty;
            var at = text.IndexOf("odata.include-annotations", StringComparison.OrdinalIgnoreCase);
            if (at < 0) return new Annotations(false, false, false);
            var value = text[at..];
            var all = value.Contains("\"*\"", StringComparison.Ordinal) || value.Contains("=*", StringComparison.Ordinal);
            return new Annotations(
                all || value.Contains(ODataValues.FormattedValue, StringComparison.OrdinalIgnoreCase),
                all || value.Contains(ODataValues.LookupLogicalName, StringComparison.OrdinalIgnoreCase),
                all || value.Contains("fetchxmlpagingcookie", StringComparison.OrdinalIgnoreCase));
        }
    }

    public void WriteRow(Utf8JsonWriter writer, Entity row, EmulatedTable table, Annotations annotations, ICollection<string>? select)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.etag", "W/\"" + Version(row).ToString(CultureInfo.InvariantCulture) + "\"");
        foreach (var pair in row.Attributes)
        {
            if (select != null && pair.Key != table.PrimaryId && !select.Contains(pair.Key)) continue;
            WriteAttribute(writer, pair.Key, pair.Value, table, annotations);
        }
        if (!row.Contains(table.PrimaryId) && row.Id != Guid.Empty) writer.WriteString(table.PrimaryId, row.Id);
        writer.WriteEndObject();
    }

    private static long Version(Entity row)
        => row.Attributes.TryGetValue("modifiedon", out var value) && value is DateTime modified ? modified.Ticks / TimeSpan.TicksPerSecond : 1;

    private void WriteAttribute(Utf8JsonWriter writer, string name, object? value, EmulatedTable table, Annotations annotations)
    {
        switch (value)
        {
            case null:
                return;
            case EntityReference reference:
                var property = "_" + name + "_value";
                if (annotations.Formatted && _nameOf(reference) is string display) writer.WriteString(property + "@" + ODataValues.FormattedValue, display);
                if (annotations.Lookups)
                {
                    var navigation = table.Navigations.FirstOrDefault(n => n.Column == name && n.Target == reference.LogicalName).Navigation;
                    if (navigation != null) writer.WriteString(property + "@" + ODataValues.AssociatedNavigationProperty, navigation);
                    writer.WriteString(property + "@" + ODataValues.LookupLogicalName, reference.LogicalName);
                }
                writer.WriteString(property, reference.Id);
                return;
            case AliasedValue aliased:
                WriteAttribute(writer, name, aliased.Value, table, annotations);
                return;
        }
        if (annotations.Formatted && value is bool yes) writer.WriteString(name + "@" + ODataValues.FormattedValue, yes ? "Yes" : "No");
        if (annotations.Formatted && value is Money formatted) writer.WriteString(name + "@" + ODataValues.FormattedValue, formatted.Value.ToString("N2", CultureInfo.InvariantCulture));
        writer.WritePropertyName(name);
        switch (value)
        {
            case OptionSetValue option: writer.WriteNumberValue(option.Value); break;
            case OptionSetValueCollection options: writer.WriteStringValue(string.Join(",", options.Select(o => o.Value))); break;
            case Money money: writer.WriteNumberValue(money.Value); break;
            case DateTime date: writer.WriteStringValue(ODataValues.WriteDateTime(date)); break;
            case Guid guid: writer.WriteStringValue(guid); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>A POST/PATCH body or one of a bulk action's Targets as an Entity of the table's types.</summary>
    public Entity ReadEntity(JsonElement body, EmulatedTable table)
    {
        if (body.ValueKind != JsonValueKind.Object) throw new EmulatorRequestException(400, "0x80040203", "The request body must be a JSON object.");
        var entity = new Entity(table.LogicalName);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith('@')) continue;
            if (name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var navigation = name[..^"@odata.bind".Length];
                var columns = table.Navigations.Where(n => n.Navigation == navigation).ToList();
                if (columns.Count == 0) throw UnknownProperty(navigation, table);
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    entity[columns[0].Column] = null;
                    continue;
                }
                var (set, id) = ParseBind(property.Value.GetString() ?? string.Empty);
                var target = _tableBySet(set) ?? throw new EmulatorRequestException(400, "0x80060888", "Resource not found for the segment '" + set + "'.");
                var match = columns.FirstOrDefault(c => c.Target == target.LogicalName);
                if (match.Column == null) throw new EmulatorRequestException(400, "0x80060888", "The navigation property '" + navigation + "' cannot point to a " + target.LogicalName + ".");
                entity[match.Column] = new EntityReference(target.LogicalName, id);
                continue;
            }
            if (name.Contains('@', StringComparison.Ordinal)) continue;
            if (!table.Types.TryGetValue(name, out var type)) throw UnknownProperty(name, table);
            entity[name] = ReadValue(property.Value, type, name);
        }
        if (entity.Attributes.TryGetValue(table.PrimaryId, out var key) && key is Guid primary) entity.Id = primary;
        return entity;
    }

    private static EmulatorRequestException UnknownProperty(string name, EmulatedTable table)
        => new(400, "0x80060888", "Could not find a property named '" + name + "' on type 'Microsoft.Dynamics.CRM." + table.LogicalName + "'.");

    private static (string Set, Guid Id) ParseBind(string value)
    {
        var path = Uri.TryCreate(value, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : value;
        var open = path.LastIndexOf('(');
        var close = path.LastIndexOf(')');
        if (open < 0 || close < open || !Guid.TryParse(path.AsSpan(open + 1, close - open - 1), out var id))
            throw new EmulatorRequestException(400, "0x80060888", "'" + value + "' is not an entity URL (/leads(00000000-0000-0000-0000-000000000000)).");
        var set = path[..open];
        return (set[(set.LastIndexOf('/') + 1)..], id);
    }

    private static object? ReadValue(JsonElement value, string type, string name)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        try
        {
            return type switch
            {
                "Picklist" or "State" or "Status" => new OptionSetValue(value.GetInt32()),
                "Money" => new Money(value.GetDecimal()),
                "DateTime" => ODataValues.ReadDateTime(value.GetString()!),
                "Boolean" => value.GetBoolean(),
                "Integer" => value.GetInt32(),
                "Decimal" => value.GetDecimal(),
                "Uniqueidentifier" => value.GetGuid(),
                "Virtual" => new OptionSetValueCollection(value.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => new OptionSetValue(int.Parse(v, CultureInfo.InvariantCulture))).ToList()),
                "Lookup" or "Owner" or "Customer" => throw new EmulatorRequestException(400, "0x80060888", "Set lookup '" + name + "' with " + name + "@odata.bind."),
                _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new EmulatorRequestException(400, "0x80060888", "Cannot convert the literal '" + value.GetRawText() + "' to the type of '" + name + "' (" + type + ").");
        }
    }
}
