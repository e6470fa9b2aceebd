using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Turns the header row of a CSV file or a sheet into the mapping of its records to leads: lead columns by logical or
/// display name (see <see cref="LeadHeaders"/>), or the Partner Center Leads download's columns.
/// </summary>
internal sealed class HeaderRowMapper
{
    private readonly ColumnValues _values;
    private readonly LeadHeaders _headers;
    private readonly UnknownColumns _unknown;

    public HeaderRowMapper(ColumnValues values, LeadHeaders headers, UnknownColumns unknown)
    {
        _values = values;
        _headers = headers;
        _unknown = unknown;
    }

    /// <summary>Maps a record's fields (in header order) to a lead.</summary>
    public sealed class Mapping
    {
        public required InputFormat Format { get; init; }
        public required Func<int, List<string>, InputRecord> Map { get; init; }
    }

    /// <summary>The mapping of the header <paramref name="names"/> at <paramref name="line"/>; throws <see cref="UnusableInputException"/> when it names no lead column.</summary>
    public Mapping For(List<string> names, InputFormat format, int line)
    {
        if (format == InputFormat.PartnerCenter || (format != InputFormat.Csv && PartnerCenterLeads.IsHeader(names)))
        {
            if (!PartnerCenterLeads.IsHeader(names))
                throw new UnusableInputException("line " + line + ": --format partner-center: the header is not the Partner Center Leads download's (Referral ID, Lead Type, Lead Source, Call to action, ...)");
            foreach (var unknown in PartnerCenterLeads.Unknown(names)) _unknown.Note(unknown);
            return new Mapping
            {
                Format = format == InputFormat.Xlsx ? InputFormat.Xlsx : InputFormat.PartnerCenter,
                Map = (row, fields) =>
                {
                    var notes = new List<string>();
                    return InputRecord.Ok(row, PartnerCenterLeads.Map(names, fields, notes), notes);
                },
            };
        }
        var matches = names.Select(_headers.Match).ToList();
        for (var i = 0; i < names.Count; i++)
            if (matches[i].Unknown && names[i].Trim().Length > 0) _unknown.Note(names[i].Trim().TrimStart('\uFEFF'));
        if (matches.All(m => m.Column == null))
            throw new UnusableInputException("line " + line + ": no column of the header names a lead column (logical name such as emailaddress1, or display name such as Email; --map \"Header=column\" for others)");
        var duplicate = matches.Where(m => m.Column != null).GroupBy(m => m.Column!.LogicalName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new UnusableInputException("line " + line + ": column '" + duplicate.Key + "' appears twice in the header");
        var table = _values.Table(LeadInput.Lead);
        return new Mapping
        {
            Format = format == InputFormat.Xlsx ? InputFormat.Xlsx : InputFormat.Csv,
            Map = (row, fields) =>
            {
                try
                {
                    var lead = new Entity(LeadInput.Lead);
                    for (var i = 0; i < matches.Count; i++)
                    {
                        if (matches[i].Column is not { } column) continue;
                        var value = _values.Convert(table, column, fields[i]);
                        if (value != null) lead[column.LogicalName] = value;
                    }
                    return InputRecord.Ok(row, lead);
                }
                catch (InputException e)
                {
                    return InputRecord.Bad(row, e.Message);
                }
            },
        };
    }
}
