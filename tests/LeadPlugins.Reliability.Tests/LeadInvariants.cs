using System.Globalization;
using System.Text;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// The invariants every lead must satisfy after enrichment, whatever its input: a status that says why, a readable
/// message, no text over its column's maximum length, a score within 0..100, and a NotMarketplace lead left alone.
/// Each check returns readable violations (empty = fine) so a failing case can print its input.
/// </summary>
internal static class LeadInvariants
{
    private static readonly DataverseSchema Schema = DataverseSchema.Load(null, ReliabilityTestBase.Solution);

    /// <summary>
    /// The column's maximum length: the solution model's (Solution/src/tables/lead.xml) for the package's columns, else the
    /// system table's (the in-memory Dataverse's SystemTables/lead.xml); null when the column is not text.
    /// </summary>
    internal static int? MaxLength(string table, string column)
    {
        var own = ReliabilityTestBase.Solution.FindTable(table)?.FindColumn(column);
        if (own != null) return own.MaxLength;
        return Schema.FindTable(table)?.FindColumn(column)?.MaxLength;
    }

    /// <summary>Columns only enrichment writes (everything the package adds to lead, minus the writer's own inputs).</summary>
    internal static readonly string[] EnrichmentOnlyColumns = ReliabilityTestBase.Solution.FindTable("lead")!.Columns
        .Select(c => c.LogicalName)
        .Where(c => c is not (LeadTable.Columns.LeadSource or LeadTable.Columns.ActionCode or LeadTable.Columns.EnrichmentStatus or LeadTable.Columns.NurtureSequenceId))
        .ToArray();

    private static readonly string[] ContactColumns = { "firstname", "lastname", "emailaddress1", "telephone1", "companyname", "jobtitle", "address1_country" };

    /// <summary>Checks a stored lead (or a Changes entity, <paramref name="stored"/> = false) against the lead that was sent.</summary>
    internal static List<string> Check(Entity row, Entity input, bool stored = true)
    {
        var problems = new List<string>();
        var status = row.GetAttributeValue<OptionSetValue>(LeadTable.Columns.EnrichmentStatus);
        if (status == null || !Enum.IsDefined(typeof(EnrichmentStatus), status.Value)) problems.Add("mpl_enrichmentstatus is not set to a known value");

        foreach (var pair in row.Attributes)
        {
            if (pair.Value is not string text) continue;
            var max = MaxLength("lead", pair.Key);
            if (max == null) problems.Add(pair.Key + " holds text but has no maximum length in the model");
            else if (text.Length > max) problems.Add(pair.Key + " has " + text.Length + " characters, over its maximum " + max);
        }

        var score = row.GetAttributeValue<int?>(LeadTable.Columns.LeadScore);
        if (score is < 0 or > 100) problems.Add("mpl_leadscore " + score + " is outside 0..100");

        var kind = status == null ? (EnrichmentStatus?)null : (EnrichmentStatus)status.Value;
        var message = row.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage);
        if (kind == EnrichmentStatus.NotMarketplace)
        {
            foreach (var column in EnrichmentOnlyColumns)
                if (row.Contains(column)) problems.Add("a NotMarketplace lead got " + column);
            foreach (var column in ContactColumns)
                if (!Equals(row.GetAttributeValue<object>(column), input.GetAttributeValue<object>(column)) && (stored || row.Contains(column)))
                    problems.Add("a NotMarketplace lead's " + column + " changed");
            if (!stored && row.Attributes.Keys.Any(k => k != LeadTable.Columns.EnrichmentStatus && k != "leadid"))
                problems.Add("a NotMarketplace lead's changes hold more than the status: " + string.Join(", ", row.Attributes.Keys));
        }
        else if (kind != null)
        {
            if (string.IsNullOrWhiteSpace(message)) problems.Add("status " + kind + " without a message saying why");
            else problems.AddRange(Unreadable(message).Select(p => "mpl_enrichmentmessage " + p));
            if (kind == EnrichmentStatus.Partial && message != null && !message.Contains("Could not determine", StringComparison.Ordinal)
                && !message.Contains("Defaults used", StringComparison.Ordinal) && !message.Contains("Step configuration", StringComparison.Ordinal)
                && !message.Contains("Input cut to fit its column", StringComparison.Ordinal))
                problems.Add("a Partial lead's message does not say what was missing");
        }
        return problems;
    }

    /// <summary>
    /// What makes a message unreadable on a form or in a view: control characters other than line breaks and tabs,
    /// bidirectional overrides/embeddings/isolates (they reorder the rest of the line), unpaired surrogates, and
    /// echoed input longer than a line.
    /// </summary>
    internal static IEnumerable<string> Unreadable(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c) && c != '\n' && c != '\r' && c != '\t') yield return "has control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " at " + i;
            else if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') yield return "has bidirectional control U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " at " + i;
            else if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))) yield return "has an unpaired surrogate at " + i;
            else if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))) yield return "has an unpaired surrogate at " + i;
        }
        if (text.Length > 1500) yield return "is " + text.Length + " characters long (echoed input is not cut)";
    }

    /// <summary>A printable description of a lead's input for failure messages (escapes control and non-ASCII characters, cuts long values).</summary>
    internal static string Describe(Entity lead)
    {
        var builder = new StringBuilder("{ ");
        foreach (var pair in lead.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(pair.Key).Append(": ");
            if (pair.Value is string s) builder.Append('"').Append(Escape(s)).Append('"');
            else builder.Append(pair.Value?.ToString() ?? "null");
            builder.Append(", ");
        }
        return builder.Append('}').ToString();
    }

    internal static string Escape(string s)
    {
        var builder = new StringBuilder();
        var shown = s.Length > 300 ? s.Substring(0, 300) : s;
        foreach (char c in shown)
        {
            if (c == '"' || c == '\\') builder.Append('\\').Append(c);
            else if (c < 32 || c > 126) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        if (s.Length > 300) builder.Append("…(" + s.Length + " chars)");
        return builder.ToString();
    }
}
