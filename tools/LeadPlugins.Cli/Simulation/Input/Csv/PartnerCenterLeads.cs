using System.Globalization;
using System.Text;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// The Partner Center Referrals "Leads" download (shared/spec/marketplace-leads.md §4) mapped to the lead the
/// Lead Writer would create: customer name, city and country to the company and address columns, the offer name to
/// Topic, the display words of Lead Source and Call to action ("Azure portal", "Get it now", ...) to
/// mpl_leadsource / mpl_actioncode, which enrichment reads as codes. The rest (Referral ID, offer id, status, dates,
/// programme) goes into description. A <c>Qualified lead</c> is a Microsoft-qualified referral: its description
/// carries "Referral ID: ..." and "Qualification: SalesQualified" (the Referrals API's word for it), which enrichment
/// classifies as co-sell, and mpl_referralid is set, so nurture never enrols it. A marketplace lead's referral id is
/// kept as "Partner Center lead &lt;id&gt;", which does not read as a co-sell mark.
/// </summary>
public static class PartnerCenterLeads
{
    public const string ReferralId = "Referral ID";
    public const string LeadType = "Lead Type";
    public const string QualifiedLead = "Qualified lead";

    /// <summary>Every column of the download, in its documented order.</summary>
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        ReferralId, "Creation Date", "Updated Date", "PartnerID", "Customer Country", "Customer City", "Customer Name",
        LeadType, "Lead Source", "Call to action", "Referral program", "Business profile ID", "Offer ID", "Offer name",
        "Lead currency", "Lead value", "Lead value (USD)", "Status", "Status Reason",
    };

    private static readonly HashSet<string> Known = new(Columns, StringComparer.OrdinalIgnoreCase);

    /// <summary>A header is the download's when it names Referral ID or Lead Type and at least three of its columns.</summary>
    public static bool IsHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(Clean).ToList();
        return names.Count(Known.Contains) >= 3
            && (names.Contains(ReferralId, StringComparer.OrdinalIgnoreCase) || names.Contains(LeadType, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Header cells that are not columns of the download.</summary>
    public static IEnumerable<string> Unknown(IReadOnlyList<string> header) => header.Select(Clean).Where(n => n.Length > 0 && !Known.Contains(n));

    public static string Clean(string header) => header.Trim().TrimStart('\uFEFF').Trim();

    /// <summary>The lead for one row (fields in header order).</summary>
    public static Entity Map(IReadOnlyList<string> header, IReadOnlyList<string> fields, List<string> notes)
    {
        var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count && i < fields.Count; i++)
        {
            var cell = fields[i].Trim();
            if (cell.Length > 0) row.TryAdd(Clean(header[i]), cell);
        }
        string? Get(string column) => row.TryGetValue(column, out var v) ? v : null;

        var lead = new Entity("lead");
        void Set(string column, string? text)
        {
            if (!string.IsNullOrEmpty(text)) lead[column] = text;
        }
        var qualified = string.Equals(Get(LeadType), QualifiedLead, StringComparison.OrdinalIgnoreCase);
        Set("companyname", Get("Customer Name"));
        Set("address1_city", Get("Customer City"));
        Set("address1_country", Get("Customer Country"));
        Set("subject", Get("Offer name") ?? Get("Offer ID"));
        if (!qualified)
        {
            Set(LeadTable.Columns.LeadSource, Get("Lead Source"));
            Set(LeadTable.Columns.ActionCode, Get("Call to action"));
        }
        var value = Get("Lead value (USD)");
        if (value != null)
        {
            if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0) lead["estimatedvalue"] = new Money(amount);
            else notes.Add("Lead value (USD) '" + value + "' is not a number: estimatedvalue left empty");
        }

        var description = new StringBuilder("Partner Center Leads download: ");
        var referral = Get(ReferralId);
        if (qualified)
        {
            description.Append("Microsoft-qualified lead (co-sell). Referral ID: ").Append(referral ?? "-").Append("; Qualification: SalesQualified");
            if (Get("Referral program") is { } program) description.Append("; referral program ").Append(program);
            Set(LeadTable.Columns.ReferralId, referral);
        }
        else
        {
            description.Append(Get(LeadType) ?? "lead");
            if (referral != null) description.Append("; Partner Center lead ").Append(referral);
        }
        if (Get("Offer ID") is { } offer) description.Append("; offer ").Append(offer);
        if (Get("Status") is { } status) description.Append("; status ").Append(status).Append(Get("Status Reason") is { } reason ? " (" + reason + ")" : string.Empty);
        if (Get("Creation Date") is { } created) description.Append("; created ").Append(created);
        if (Get("Lead value") is { } local) description.Append("; value ").Append(local).Append(Get("Lead currency") is { } currency ? " " + currency : string.Empty);
        description.Append('.');
        lead["description"] = description.ToString();
        return lead;
    }
}
