using System.ServiceModel;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// Every case of the bad-input corpus (Corpus/) through the REAL enrichment plug-in in the in-memory Dataverse: the lead
/// is saved, mpl_enrichmentstatus says why and mpl_enrichmentmessage is readable, nothing throws past the plug-in, and no
/// column is written beyond the solution model's maximum length (the in-memory Dataverse enforces lengths too).
/// </summary>
[TestClass]
public sealed class BadInputCorpusTests : ReliabilityTestBase
{
    public static IEnumerable<object[]> CaseNames => Corpus.All().Select(c => new object[] { c.Name });

    private static CorpusCase Case(string name) => Corpus.All().Single(c => c.Name == name);

    [TestMethod]
    public void The_corpus_covers_every_kind_of_bad_input_and_fits_the_platforms_column_lengths()
    {
        var cases = Corpus.All();
        Assert.IsGreaterThanOrEqualTo(100, cases.Count, "cases");
        var texts = cases.SelectMany(c => c.Lead.Attributes.Values.OfType<string>()).ToList();
        Assert.IsTrue(cases.Any(c => c.Lead.Attributes.Count > 5 && c.Lead.Attributes.Values.All(v => v == null)), "nulls everywhere");
        Assert.IsTrue(texts.Any(t => t.Length == 0) && texts.Any(t => t.Length > 0 && string.IsNullOrWhiteSpace(t)), "empty and white space");
        Assert.IsTrue(texts.Any(t => t.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))), "control characters");
        Assert.IsTrue(texts.Any(t => t.Contains('\u202e', StringComparison.Ordinal)), "right-to-left override");
        Assert.IsTrue(texts.Any(t => t.Any(char.IsSurrogate)), "emoji and surrogates");
        Assert.IsTrue(texts.Any(t => t.Length >= 1900), "long strings (10,000 characters: see Values_over_the_platforms_limits...)");
        // Every value fits its column: longer ones are the platform's to reject, which has its own test below.
        foreach (var c in cases)
        {
            foreach (var pair in c.Lead.Attributes)
            {
                if (pair.Value is string s) Assert.IsLessThanOrEqualTo(LeadInvariants.MaxLength("lead", pair.Key)!.Value, s.Length, c.Name + ": " + pair.Key);
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(CaseNames))]
    public void Each_case_is_saved_with_a_status_that_says_why_through_the_shipped_Create_step(string name)
    {
        var c = Case(name);
        var dataverse = WithEnrichment(Registration.Create);

        var id = dataverse.GetOrganizationService().Create(Copy(c.Lead));

        AssertEnrichedAndSaved(dataverse, c, id);
    }

    [TestMethod]
    public void The_whole_corpus_in_one_CreateMultiple_with_the_CreateMultiple_registration()
    {
        var cases = Corpus.All();
        var dataverse = WithEnrichment(Registration.CreateMultiple);

        var ids = CreateLeads(dataverse.GetOrganizationService(), Registration.CreateMultiple, cases.Select(c => Copy(c.Lead)).ToList());

        Assert.HasCount(cases.Count, ids);
        Assert.AreEqual(StepOutcome.Succeeded, dataverse.Audit.Single().Outcome);
        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var stored = dataverse.Get("lead", ids[i]);
            if (stored == null) failures.Add(cases[i].Name + ": not saved");
            else failures.AddRange(LeadInvariants.Check(stored, cases[i].Lead).Select(p => cases[i].Name + ": " + p));
            // In one batch, cases may pair as duplicates; the classification itself must not change.
            if (stored != null && Status(stored) != cases[i].Expected) failures.Add(cases[i].Name + ": status " + Status(stored) + ", expected " + cases[i].Expected);
        }
        Assert.IsEmpty(failures, string.Join("\n", failures));
        TestContext.WriteLine("statuses: " + string.Join(", ", ids.Select(id => Status(dataverse.Get("lead", id)!)).GroupBy(s => s).Select(g => g.Key + " " + g.Count())));
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Values_over_their_columns_are_cut_so_the_lead_is_saved_and_the_status_says_so(Registration registration)
    {
        // 10,000-character strings in every column a writer fills: the platform would reject the whole Create, and
        // the marketplace cannot re-send the lead. The plug-in reads the full text, then cuts each value to its column.
        var huge = new string('x', 10_000);
        var lead = Lead(("subject", "AppSource (SPZA)-PLT|contoso." + huge), ("description", "{\"UserDetails\":{\"FirstName\":\"" + huge + "\"}}"),
            (LeadTable.Columns.LeadSource, huge), (LeadTable.Columns.ActionCode, huge), ("firstname", huge), ("lastname", huge), ("emailaddress1", huge + "@contoso.com"),
            ("telephone1", huge), ("companyname", huge), ("jobtitle", "CEO " + huge), ("address1_country", huge));
        var dataverse = WithEnrichment(registration);

        var id = registration == Registration.Create
            ? dataverse.GetOrganizationService().Create(Copy(lead))
            : ((CreateMultipleResponse)dataverse.GetOrganizationService().Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Copy(lead) }) { EntityName = "lead" },
            })).Ids.Single();

        var stored = dataverse.Get("lead", id);
        Assert.IsNotNull(stored, "the lead is saved");
        Assert.AreEqual(EnrichmentStatus.Partial, Status(stored));
        var message = stored.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage);
        StringAssert.Contains(message, "Input cut to fit its column so the lead could be saved: subject 10,029 -> 300 characters");
        StringAssert.Contains(message, "lastname 10,000 -> 50 characters");
        Assert.AreEqual(AppSourceOption, stored.GetAttributeValue<OptionSetValue>(LeadTable.Columns.Storefront)?.Value, "classified from the full text");
        foreach (var pair in stored.Attributes.Where(a => a.Value is string))
        {
            var max = LeadInvariants.MaxLength("lead", pair.Key);
            if (max.HasValue) Assert.IsLessThanOrEqualTo(max.Value, ((string)pair.Value!).Length, pair.Key);
        }
        Assert.IsEmpty(LeadInvariants.Check(stored, lead));
    }

    private const int AppSourceOption = (int)Storefront.AppSource;

    private void AssertEnrichedAndSaved(InMemoryDataverse dataverse, CorpusCase c, Guid id)
    {
        var stored = dataverse.Get("lead", id);
        Assert.IsNotNull(stored, c.Name + ": not saved");
        var executions = dataverse.Audit.Where(a => a.PluginType == typeof(EnrichMarketplaceLead)).ToList();
        Assert.HasCount(1, executions, c.Name);
        Assert.AreEqual(StepOutcome.Succeeded, executions[0].Outcome, c.Name + ": " + executions[0].Error);
        var problems = LeadInvariants.Check(stored, c.Lead);
        if (Status(stored) != c.Expected) problems.Add("status " + Status(stored) + ", expected " + c.Expected);
        Assert.IsEmpty(problems, c.Name + " " + LeadInvariants.Describe(c.Lead) + "\n" + string.Join("\n", problems)
            + "\nmessage: " + LeadInvariants.Escape(Message(stored)));
        TestContext.WriteLine(c.Name + " => " + Status(stored) + ": " + LeadInvariants.Escape(Message(stored)));
    }

    internal static Entity Copy(Entity lead)
    {
        var copy = new Entity(lead.LogicalName);
        foreach (var pair in lead.Attributes) copy[pair.Key] = pair.Value;
        return copy;
    }
}
