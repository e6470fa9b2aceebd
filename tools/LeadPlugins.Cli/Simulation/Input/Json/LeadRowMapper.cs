using Microsoft.Xrm.Sdk;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

/// <summary>Maps a JSON lead row (column name -> value, as the Dynamics lead destination writes a lead) to a lead.</summary>
internal sealed class LeadRowMapper
{
    private readonly ColumnValues _values;
    private readonly LeadHeaders _headers;
    private readonly UnknownColumns _unknown;

    private readonly FlatJsonObjectReader _flat;
    // The row's keys and values (a scalar as the JSON reader gives it, a JToken, or null), reused line after line.
    private readonly List<(string Name, object? Value)> _properties = new();

    public LeadRowMapper(ColumnValues values, LeadHeaders headers, UnknownColumns unknown)
    {
        _values = values;
        _headers = headers;
        _unknown = unknown;
        _flat = new FlatJsonObjectReader(values.Table(LeadInput.Lead).Columns.Keys);
    }

    /// <summary>
    /// Maps one lead row: keys name lead columns (logical or display names, see <see cref="LeadHeaders"/>); values are
    /// text (scalars taken as text). Unknown keys are left out and named once in a warning at the end of the input; a
    /// row with no lead column at all is a bad line.
    /// </summary>
    public InputRecord Map(int line, string text)
    {
        try
        {
            var properties = Properties(text);
            var table = _values.Table(LeadInput.Lead);
            var lead = new Entity(LeadInput.Lead);
            List<string>? unknown = null;
            var known = 0;
            foreach (var (name, value) in properties)
            {
                var match = _headers.Match(name);
                if (match.Unknown)
                {
                    (unknown ??= new List<string>()).Add(name);
                    _unknown.Note(name);
                    continue;
                }
                known++;
                if (match.Ignored || value == null) continue;
                var scalarText = value switch
                {
                    JValue scalar => InputJson.ScalarText(scalar),
                    JToken other => throw new InputException(name + ": expected text, got " + InputJson.Describe(other)),
                    _ => InputJson.ScalarText(value),
                };
                var column = match.Column!;
                var converted = _values.Convert(table, column, scalarText);
                if (converted != null) lead[column.LogicalName] = converted;
            }
            if (known == 0 && unknown != null)
                return InputRecord.Bad(line, "no lead column in this row (unknown: " + string.Join(", ", unknown.Take(5)) + (unknown.Count > 5 ? ", ..." : string.Empty) + ")");
            return InputRecord.Ok(line, lead);
        }
        catch (InputException e)
        {
            return InputRecord.Bad(line, e.Message);
        }
    }

    /// <summary>The row's keys and values in order: read straight from the text when it is flat, else from its JObject (JSON null as null).</summary>
    private List<(string Name, object? Value)> Properties(string text)
    {
        _properties.Clear();
        if (_flat.TryRead(text, _properties)) return _properties;
        _properties.Clear();
        foreach (var property in InputJson.ParseObject(text).Properties())
            _properties.Add((property.Name, property.Value.Type == JTokenType.Null ? null : property.Value));
        return _properties;
    }
}
