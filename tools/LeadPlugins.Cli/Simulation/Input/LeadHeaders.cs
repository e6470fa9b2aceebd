using LeadPlugins.InMemory;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Lead columns by the names a header may use, in this order: --map entries, logical names (any case), the
/// solution's display names (Solution/src/tables/lead.xml) and the English display names of the system lead columns
/// as Dynamics' "Export to Excel" writes them. Export bookkeeping columns ("(Do Not Modify) ...") and columns
/// Dataverse sets itself (Owner, Status, Created On, ...) are recognised and ignored.
/// </summary>
public sealed class LeadHeaders
{
    /// <summary>English display names of the system lead columns the simulator's schema has.</summary>
    public static readonly IReadOnlyDictionary<string, string> SystemDisplayNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Topic"] = "subject",
        ["First Name"] = "firstname",
        ["Last Name"] = "lastname",
        ["Email"] = "emailaddress1",
        ["E-mail"] = "emailaddress1",
        ["Email Address 2"] = "emailaddress2",
        ["Business Phone"] = "telephone1",
        ["Mobile Phone"] = "mobilephone",
        ["Company Name"] = "companyname",
        ["Job Title"] = "jobtitle",
        ["Country/Region"] = "address1_country",
        ["Address 1: Country/Region"] = "address1_country",
        ["City"] = "address1_city",
        ["Address 1: City"] = "address1_city",
        ["Website"] = "websiteurl",
        ["Description"] = "description",
        ["Lead Source"] = "leadsourcecode",
        ["Rating"] = "leadqualitycode",
        ["No. of Employees"] = "numberofemployees",
        ["Do not allow Emails"] = "donotemail",
        ["Do not allow Phone Calls"] = "donotphone",
        ["Est. Value"] = "estimatedvalue",
        ["Est. Close Date"] = "estimatedclosedate",
    };

    /// <summary>Display names of columns an export carries that an import does not write: Dataverse sets them, or they hold names where an id is needed.</summary>
    public static readonly IReadOnlySet<string> IgnoredHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "(Do Not Modify) Lead", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On",
        "Name", "Full Name", "Owner", "Status", "Status Reason", "Created On", "Modified On", "Created By", "Modified By",
        "Campaign", "Parent Account for lead", "Parent Contact for lead",
    };

    private readonly TableSchema _table;
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    public LeadHeaders(ColumnValues values, SolutionSource? solution = null, IReadOnlyDictionary<string, string>? map = null)
    {
        _table = values.Table("lead");
        foreach (var (name, column) in SystemDisplayNames) _byName[name] = column;
        foreach (var column in solution?.FindTable("lead")?.Columns ?? Array.Empty<ColumnDefinition>())
            if (!string.IsNullOrWhiteSpace(column.DisplayName)) _byName[column.DisplayName] = column.LogicalName;
        if (map != null)
            foreach (var (header, column) in map)
            {
                if (_table.FindColumn(column) == null) throw new UnusableInputException("--map " + header + "=" + column + ": '" + column + "' is not a lead column");
                _byName[header] = column;
            }
        _mapped = map ?? new Dictionary<string, string>();
    }

    private readonly IReadOnlyDictionary<string, string> _mapped;

    public HeaderMatch Match(string header)
    {
        var name = header.Trim().TrimStart('\uFEFF').Trim();
        if (_mapped.TryGetValue(name, out var mapped)) return new HeaderMatch(_table.FindColumn(mapped), false);
        var logical = _table.FindColumn(name) ?? _table.FindColumn(name.ToLowerInvariant());
        if (logical != null) return new HeaderMatch(logical, false);
        if (IgnoredHeaders.Contains(name)) return new HeaderMatch(null, true);
        return _byName.TryGetValue(name, out var column) ? new HeaderMatch(_table.FindColumn(column), false) : default;
    }
}
