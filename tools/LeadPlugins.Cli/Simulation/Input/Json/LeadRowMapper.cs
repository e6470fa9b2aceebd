using Microsoft.Xrm.Sdk;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

/// <summary>Maps a JSON lead row (column name -> value, as the Dynamics lead destination writes a lead) to a lead.</summary>
internal sealed class LeadRowMapper
{
    private readonly ColumnValues _values;
    private readonly LeadHeaders _headers;
    private readonly UnknownColumns _unknown;

    public LeadRowMapper(ColumnValues values, LeadHeaders headers, UnknownColumns unknown)
    {
        _values = values;
        _headers = headers;
        _unknown = unknown;
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
            var row = InputJson.ParseObject(text);
            var table = _values.Table(LeadInput.Lead);
            var lead = new Entity(LeadInput.Lead);
            List<string>? unknown = null;
            var known = 0;
            foreach (var property in row.Properties())
            {
                var match = _headers.Match(property.Name);
                if (match.Unknown)
                {
                    (unknown ??= new List<string>()).Add(property.Name);
                    _unknown.Note(property.Name);
                    continue;
                }
                known++;
                if (match.Ignored || property.Value.Type == JTokenType.Null) continue;
                if (property.Value is not JValue scalar)
                    throw new InputException(property.Name + ": expected text, got " + InputJson.Describe(property.Value));
                var column = match.Column!;
                var value = _values.Convert(table, column, InputJson.ScalarText(scalar));
                if (value != null) lead[column.LogicalName] = value;
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
}
