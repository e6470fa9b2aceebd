using System.Text.Json;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>The repository's samples/ files as lead entities (realistic fixtures).</summary>
internal static class Samples
{
    private static readonly Lazy<string> Directory = new(FindDirectory);

    /// <summary>samples/lead-rows.jsonl: one lead per line, as the Dynamics lead destination writes them.</summary>
    public static List<Entity> LeadRows()
        => File.ReadAllLines(Path.Combine(Directory.Value, "lead-rows.jsonl")).Where(l => l.Trim().Length > 0).Select(ToLead).ToList();

    /// <summary>samples/marketplace-payloads.jsonl: the HTTPS payloads, as raw lines (they go into description).</summary>
    public static List<string> PayloadLines()
        => File.ReadAllLines(Path.Combine(Directory.Value, "marketplace-payloads.jsonl")).Where(l => l.Trim().Length > 0).ToList();

    /// <summary>samples/partner-center-leads.csv: header = lead column names; no quoted fields in this file.</summary>
    public static List<Entity> PartnerCenterLeads()
    {
        var lines = File.ReadAllLines(Path.Combine(Directory.Value, "partner-center-leads.csv")).Where(l => l.Trim().Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line =>
        {
            var values = line.Split(',');
            Assert.AreEqual(header.Length, values.Length, "the sample CSV has no quoted commas: " + line);
            var lead = new Entity("lead");
            for (int i = 0; i < header.Length; i++)
                if (values[i].Length > 0) lead[header[i]] = values[i];
            return lead;
        }).ToList();
    }

    private static Entity ToLead(string json)
    {
        var lead = new Entity("lead");
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject()) lead[property.Name] = property.Value.GetString();
        return lead;
    }

    private static string FindDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, "lead-rows.jsonl"))) return candidate;
        }
        throw new DirectoryNotFoundException("samples/lead-rows.jsonl was not found above " + AppContext.BaseDirectory);
    }
}
