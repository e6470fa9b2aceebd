using System.Text;
using LeadPlugins.Schema;
using Newtonsoft.Json.Linq;
using System.Text.RegularExpressions;
using LeadPlugins.Plugins.Domain;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Reliability.Tests;

/// <summary>One bad-input case: a name, the lead columns it sends and the enrichment status it must get.</summary>
public sealed record CorpusCase(string Name, Entity Lead, EnrichmentStatus Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// The bad-input corpus under Corpus/: <c>leads.jsonl</c> (one case per line: <c>{"case": name, "lead": {column: text or null}}</c>)
/// and <c>payloads/*.txt</c> (one description per file, sent alone and again behind a marketplace subject; the statuses
/// they must get are in <c>payloads/expected-statuses.tsv</c>; a lead case says it in <c>"expect"</c>). In both,
/// <c>{{repeat:TEXT:N}}</c> stands for TEXT repeated N times, so long values stay readable in the files.
/// </summary>
internal static partial class Corpus
{
    private static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    internal static IReadOnlyList<CorpusCase> LeadCases()
    {
        var cases = new List<CorpusCase>();
        int line = 0;
        foreach (var text in File.ReadLines(Path.Combine(Directory, "leads.jsonl"), Encoding.UTF8))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            // Newtonsoft.Json: System.Text.Json refuses the unpaired surrogate escapes the corpus needs.
            var root = JObject.Parse(text);
            var lead = new Entity("lead");
            foreach (var column in ((JObject)root["lead"]!).Properties())
                lead[column.Name] = column.Value.Type == JTokenType.Null ? null : Expand((string)column.Value!);
            cases.Add(new CorpusCase("leads.jsonl:" + line + " " + (string)root["case"]!, lead, Enum.Parse<EnrichmentStatus>((string)root["expect"]!)));
        }
        return cases;
    }

    internal static IReadOnlyList<CorpusCase> PayloadCases()
    {
        var cases = new List<CorpusCase>();
        var expected = File.ReadLines(Path.Combine(Directory, "payloads", "expected-statuses.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => (Alone: Enum.Parse<EnrichmentStatus>(f[1]), BehindSubject: Enum.Parse<EnrichmentStatus>(f[2])));
        foreach (var path in System.IO.Directory.GetFiles(Path.Combine(Directory, "payloads"), "*.txt").OrderBy(p => p, StringComparer.Ordinal))
        {
            var description = Expand(File.ReadAllText(path, Encoding.UTF8));
            var file = Path.GetFileName(path);
            var name = "payloads/" + file;
            if (!expected.TryGetValue(file, out var statuses)) throw new InvalidDataException(file + " has no line in payloads/expected-statuses.tsv");
            cases.Add(new CorpusCase(name, new Entity("lead") { ["description"] = description }, statuses.Alone));
            cases.Add(new CorpusCase(name + " behind a marketplace subject", new Entity("lead")
            {
                ["subject"] = "AppSource (SPZA)-PLT|contoso.contoso-field-service",
                ["lastname"] = "Payload",
                ["description"] = description,
            }, statuses.BehindSubject));
        }
        return cases;
    }

    internal static IReadOnlyList<CorpusCase> All() => LeadCases().Concat(PayloadCases()).ToList();

    /// <summary>All descriptions of the payload files (for the scanner/tolerant-reader comparison).</summary>
    internal static IReadOnlyList<string> PayloadTexts()
        => System.IO.Directory.GetFiles(Path.Combine(Directory, "payloads"), "*.txt").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => Expand(File.ReadAllText(p, Encoding.UTF8))).ToList();

    internal static string Expand(string text)
        => RepeatMacro().Replace(text, m => string.Concat(Enumerable.Repeat(m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))));

    [GeneratedRegex(@"\{\{repeat:([^:}]*):(\d+)\}\}")]
    private static partial Regex RepeatMacro();
}
