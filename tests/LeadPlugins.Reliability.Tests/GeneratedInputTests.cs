using System.Globalization;
using System.Reflection;
using CsCheck;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// 100,000 generated leads per run (seed printed; <c>LEADPLUGINS_SEED</c> overrides it), each through the domain entry point
/// and the enrichment service (the code the plug-in runs, in batches of 500 over a service with no rows), and 5,000 of them
/// through the REAL plug-in in the in-memory Dataverse in CreateMultiple batches. Invariants: nothing throws, a status is
/// always set, no column over its maximum length, classification stable under case and white-space changes of the codes,
/// score 0..100, NotMarketplace leads get nothing but their status, and the payload scanner reads what the tolerant reader
/// reads. A failure prints the seed, the case's CsCheck seed and the input, then CsCheck shrinks it.
/// </summary>
[TestClass]
public sealed class GeneratedInputTests : ReliabilityTestBase
{
    private const int Inputs = 100_000;
    private const int ThroughPlugin = 5_000;
    private const int BatchSize = 500;
    private const ulong DefaultSeed = 20260302;

    private static readonly PropertyInfo ReadByScanner = typeof(MarketplacePayload).GetProperty("ReadByScanner", BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static ulong Seed()
    {
        var text = Environment.GetEnvironmentVariable("LEADPLUGINS_SEED");
        return string.IsNullOrWhiteSpace(text) ? DefaultSeed : ulong.Parse(text, CultureInfo.InvariantCulture);
    }

    [TestMethod]
    public void One_hundred_thousand_generated_leads_keep_every_invariant()
    {
        var seed = Seed();
        TestContext.WriteLine("LEADPLUGINS_SEED={0} ({1})", seed, seed == DefaultSeed ? "the fixed default" : "from the environment");
        var generator = new LeadGenerator(unchecked((int)seed));
        var pcg = new PCG(1, seed);
        var service = new LeadEnrichmentService(new EmptyOrganizationService(), new ListTracing(), null);
        var options = new LeadEnrichmentOptions { NowUtc = T0 };
        var batch = new List<(int Index, string CaseSeed, GeneratedLead Lead)>(BatchSize);
        var forPlugin = new List<GeneratedLead>(ThroughPlugin);
        var statuses = new Dictionary<EnrichmentStatus, int>();
        int payloads = 0, scanned = 0;

        for (int i = 0; i < Inputs; i++)
        {
            var caseSeed = pcg.ToString();
            var lead = generator.Lead.Generate(pcg, null!, out _);
            var problems = DomainProblems(lead, i, ref payloads, ref scanned);
            if (problems.Count > 0) Fail(generator, seed, i, caseSeed, lead, problems);
            batch.Add((i, caseSeed, lead));
            if (i % (Inputs / ThroughPlugin) == 0 && forPlugin.Count < ThroughPlugin) forPlugin.Add(lead);
            if (batch.Count == BatchSize || i == Inputs - 1)
            {
                var result = service.Evaluate(batch.Select(b => b.Lead.ToEntity()).ToList(), options);
                for (int k = 0; k < batch.Count; k++)
                {
                    var outcome = result.Leads[k];
                    statuses[outcome.Status] = statuses.GetValueOrDefault(outcome.Status) + 1;
                    var changeProblems = LeadInvariants.Check(outcome.Changes, batch[k].Lead.ToEntity(), stored: false);
                    if (outcome.Status == EnrichmentStatus.Failed) changeProblems.Add("Failed: " + outcome.Error);
                    if (changeProblems.Count > 0) Fail(generator, seed, batch[k].Index, batch[k].CaseSeed, batch[k].Lead, changeProblems);
                }
                Assert.IsLessThanOrEqualTo(LeadEnrichmentService.MaxQueriesPerBatch, result.QueryCount);
                batch.Clear();
            }
        }
        TestContext.WriteLine("{0} inputs: {1}; {2} JSON payloads, {3} read by the scanner", Inputs,
            string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value)), payloads, scanned);
        Assert.IsTrue(statuses.Keys.Count >= 5, "the generator reaches most outcomes: " + string.Join(", ", statuses.Keys));
        Assert.IsGreaterThan(1000, scanned, "clean payloads take the scanner");
        Assert.IsGreaterThan(1000, payloads - scanned, "broken payloads take the tolerant reader");

        ThroughTheRealPlugin(forPlugin, seed);
    }

    /// <summary>Domain-level invariants of one input (parse, classify, score; payload scanner against the tolerant reader).</summary>
    private static List<string> DomainProblems(GeneratedLead lead, int index, ref int payloads, ref int scanned)
    {
        var problems = new List<string>();
        var fields = Fields(lead);
        try
        {
            var result = MarketplaceLeadEnricher.Enrich(fields, null);
            if (!Enum.IsDefined(result.Status)) problems.Add("status " + result.Status);
            if (result.Score is < 0 or > 100) problems.Add("score " + result.Score);
            if (result.Message == null || result.Message.Length > LeadTable.MaxLength.EnrichmentMessage) problems.Add("message missing or too long");
            else if (result.Status != EnrichmentStatus.NotMarketplace) problems.AddRange(LeadInvariants.Unreadable(result.Message).Select(p => "message " + p));

            // Classification is stable under case and white-space changes of the codes.
            var variant = Fields(lead);
            var bits = (uint)index * 2654435761u;
            variant.LeadSource = Respell(variant.LeadSource, bits);
            variant.ActionCode = Respell(variant.ActionCode, bits >> 3);
            if (variant.Subject != null && variant.Subject.IndexOf('|', StringComparison.Ordinal) is var bar and > 0)
                variant.Subject = Respell(variant.Subject.Substring(0, bar), bits >> 5) + variant.Subject.Substring(bar);
            var a = MarketplaceLeadParser.Parse(fields, null);
            var b = MarketplaceLeadParser.Parse(variant, null);
            if (a.Kind != b.Kind || a.Source != b.Source || a.Action != b.Action || a.SourceStorefront != b.SourceStorefront)
                problems.Add("classification changed with the codes' case/white space: " + Describe(a) + " vs " + Describe(b)
                    + " for source \"" + LeadInvariants.Escape(variant.LeadSource ?? "") + "\", action \"" + LeadInvariants.Escape(variant.ActionCode ?? "")
                    + "\", subject \"" + LeadInvariants.Escape(variant.Subject ?? "") + "\"");

            if (lead["description"] is { } description && description.TrimStart().StartsWith('{'))
            {
                payloads++;
                var fast = MarketplacePayload.TryRead(description);
                var tolerant = MarketplacePayload.TryReadWithTolerantReader(description, JsonReadLimits.Default);
                var difference = PayloadDifference(fast, tolerant);
                if (difference != null) problems.Add("payload scanner and tolerant reader differ: " + difference);
                if (fast != null && (bool)ReadByScanner.GetValue(fast)!) scanned++;
            }
        }
        catch (Exception e)
        {
            problems.Add("threw " + e);
        }
        return problems;
    }

    internal static string? PayloadDifference(MarketplacePayload? fast, MarketplacePayload? tolerant)
    {
        if (fast == null || tolerant == null) return fast == tolerant ? null : "one is null: scanner " + (fast == null) + ", tolerant " + (tolerant == null);
        var fields = new (string Name, object? A, object? B)[]
        {
            ("FirstName", fast.FirstName, tolerant.FirstName), ("LastName", fast.LastName, tolerant.LastName), ("Email", fast.Email, tolerant.Email),
            ("Phone", fast.Phone, tolerant.Phone), ("Country", fast.Country, tolerant.Country), ("Company", fast.Company, tolerant.Company),
            ("Title", fast.Title, tolerant.Title), ("LeadSource", fast.LeadSource, tolerant.LeadSource), ("ActionCode", fast.ActionCode, tolerant.ActionCode),
            ("OfferTitle", fast.OfferTitle, tolerant.OfferTitle), ("Description", fast.Description, tolerant.Description),
            ("CampaignCode", fast.CampaignCode, tolerant.CampaignCode), ("CampaignSource", fast.CampaignSource, tolerant.CampaignSource),
            ("IsLeadPayload", fast.IsLeadPayload, tolerant.IsLeadPayload), ("HasUserDetails", fast.HasUserDetails, tolerant.HasUserDetails),
            ("IsComplete", fast.IsComplete, tolerant.IsComplete), ("Diagnostics", string.Join(" | ", fast.Diagnostics), string.Join(" | ", tolerant.Diagnostics)),
        };
        var different = fields.Where(f => !Equals(f.A, f.B)).Select(f => f.Name + ": " + Show(f.A) + " vs " + Show(f.B)).ToList();
        return different.Count == 0 ? null : string.Join("; ", different);
    }

    private static string Show(object? value) => value is string s ? "\"" + LeadInvariants.Escape(s) + "\"" : value?.ToString() ?? "null";

    private static string Describe(ParsedLead p) => p.Kind + "/" + p.Source + "/" + p.Action + "/" + p.SourceStorefront;

    private static string? Respell(string? code, uint bits)
        => code == null ? null : (bits % 3 == 0 ? " " : "") + LeadGenerator.Recase(code, 1 + (int)(bits % 3), bits) + (bits % 2 == 0 ? "\t" : "");

    private static LeadFields Fields(GeneratedLead lead) => new()
    {
        Subject = lead["subject"], Description = lead["description"], LeadSource = lead[LeadTable.Columns.LeadSource], ActionCode = lead[LeadTable.Columns.ActionCode],
        FirstName = lead["firstname"], LastName = lead["lastname"], Email = lead["emailaddress1"], Phone = lead["telephone1"],
        CompanyName = lead["companyname"], JobTitle = lead["jobtitle"], Country = lead["address1_country"],
    };

    /// <summary>A share of the inputs through the real plug-in, CreateMultiple batches, values cut to fit the platform's lengths.</summary>
    private void ThroughTheRealPlugin(List<GeneratedLead> leads, ulong seed)
    {
        var dataverse = WithEnrichment(Registration.CreateMultiple);
        var service = dataverse.GetOrganizationService();
        for (int start = 0; start < leads.Count; start += BatchSize)
        {
            var chunk = leads.Skip(start).Take(BatchSize).ToList();
            var sent = chunk.Select(l => l.ToEntity(fitColumns: true)).ToList();
            Guid[] ids;
            try
            {
                ids = CreateLeads(service, Registration.CreateMultiple, sent.Select(BadInputCorpusTests.Copy).ToList());
            }
            catch (Exception e)
            {
                throw new AssertFailedException("LEADPLUGINS_SEED=" + seed + ": a CreateMultiple batch of generated leads failed (first input "
                    + chunk[0] + "): " + e.Message + "\n" + Dump(dataverse), e);
            }
            for (int k = 0; k < chunk.Count; k++)
            {
                var stored = dataverse.Get("lead", ids[k]);
                var problems = stored == null ? new List<string> { "not saved" } : LeadInvariants.Check(stored, sent[k]);
                if (problems.Count > 0)
                    Assert.Fail("LEADPLUGINS_SEED=" + seed + ", plug-in share: " + string.Join("; ", problems) + "\ninput: " + chunk[k]);
            }
        }
        Assert.IsTrue(dataverse.Audit.All(a => a.Outcome == StepOutcome.Succeeded && a.PluginType == typeof(EnrichMarketplaceLead)));
        Assert.AreEqual(leads.Count, dataverse.Query("lead").Count);
        TestContext.WriteLine("{0} generated leads through the real plug-in in {1} CreateMultiple batches: {2} plug-in reads", leads.Count,
            dataverse.Audit.Count, dataverse.Counters.FromPlugins);
    }

    private void Fail(LeadGenerator generator, ulong seed, int index, string caseSeed, GeneratedLead lead, List<string> problems)
    {
        var report = "LEADPLUGINS_SEED=" + seed + ", input #" + index + " (CsCheck seed " + caseSeed + "):\n" + lead + "\n" + string.Join("\n", problems);
        TestContext.WriteLine(report);
        string shrunk;
        try
        {
            // CsCheck replays this case first and then searches for a smaller input that still breaks an invariant.
            generator.Lead.Sample(l =>
            {
                int p = 0, s = 0;
                var found = DomainProblems(l, index, ref p, ref s);
                if (found.Count > 0) throw new InvalidOperationException(string.Join("; ", found));
            }, seed: caseSeed, iter: 20_000, threads: 1, print: l => l.ToString());
            shrunk = "(the domain-level invariants hold for it; the failure is at the service level)";
        }
        catch (Exception e)
        {
            shrunk = e.Message;
        }
        Assert.Fail(report + "\nShrunk by CsCheck: " + shrunk);
    }
}
