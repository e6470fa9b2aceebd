using System.Reflection;
using System.Security;
using System.Text.RegularExpressions;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// The plug-ins use the calling user's service except the two documented SYSTEM uses (enrichment's reads, the nurture
/// enrolment's writes: docs/enrichment.md and docs/nurture.md); no product code builds FetchXML from input (and the
/// in-memory FetchXML path takes escaped quotes, angle brackets and ampersands); secure configuration never reaches a trace.
/// </summary>
[TestClass]
public sealed partial class SecurityTests : ReliabilityTestBase
{
    private const string Secret = "S3cr3t-LeadPlugins-9f27c1d4-do-not-log";

    /// <summary>The plug-in types that run their service calls as SYSTEM, as documented (see the docs test below).</summary>
    private static readonly Type[] DocumentedSystemUsers = { typeof(EnrichMarketplaceLead), typeof(EnrollLeadInNurture) };

    internal static string RepoRoot => typeof(SecurityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>
    /// Every plug-in of the assembly, registered from its attributes with the secret as secure configuration, through a
    /// seller's day: marketplace leads created, enrolled, one qualified, an activity completed, an opportunity created.
    /// </summary>
    private static (InMemoryDataverse Dataverse, Guid Seller) SellersDay()
    {
        var dataverse = NewDataverse();
        var assembly = typeof(EnrichMarketplaceLead).Assembly;
        var types = assembly.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract).ToArray();
        dataverse.RegisterPluginAssembly(assembly, types.Select(t => new PluginConfiguration(t, null, Secret)).ToArray());
        var seller = dataverse.AddUser("Sam Seller", email: "sam@contoso.com");
        var service = dataverse.GetOrganizationService(seller);

        var ids = RoundTripBudgetTests.MarketplaceLeads(3).Select(service.Create).ToList();
        dataverse.DrainAsync();
        service.Update(new Entity("lead", ids[0]) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) });
        var task = dataverse.Query("task").First(t => t.GetAttributeValue<EntityReference>("regardingobjectid")?.Id == ids[1]);
        service.Update(new Entity("task", task.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
        service.Create(new Entity("opportunity") { ["name"] = "Deal", ["originatingleadid"] = new EntityReference("lead", ids[0]) });
        dataverse.DrainAsync();
        return (dataverse, seller);
    }

    [TestMethod]
    public void Plugins_call_the_service_as_the_calling_user_except_the_documented_SYSTEM_steps()
    {
        var (dataverse, seller) = SellersDay();

        var plugins = typeof(EnrichMarketplaceLead).Assembly.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var ran = dataverse.Audit.Select(a => a.PluginType).Distinct().ToList();
        CollectionAssert.AreEquivalent(plugins, ran, "the scenario runs every plug-in of the assembly");
        Assert.IsTrue(dataverse.Audit.All(a => a.Outcome == StepOutcome.Succeeded), Dump(dataverse));
        foreach (var execution in dataverse.Audit)
        {
            Assert.AreEqual(seller, execution.InitiatingUserId, execution.ToString());
            Assert.AreEqual(seller, execution.UserId, execution.ToString() + ": no step is registered to run as SYSTEM");
            var allowed = DocumentedSystemUsers.Contains(execution.PluginType) ? dataverse.SystemUserId : seller;
            foreach (var user in execution.ServiceCallsByUser.Keys)
                Assert.AreEqual(allowed, user, execution + " called the service as " + (user == dataverse.SystemUserId ? "SYSTEM" : user.ToString()));
        }
        foreach (var type in DocumentedSystemUsers)
            Assert.IsTrue(dataverse.Audit.Any(a => a.PluginType == type && a.ServiceCallsByUser.ContainsKey(dataverse.SystemUserId)), type.Name + " is exercised");
    }

    [TestMethod]
    public void Only_the_documented_plugins_ask_for_the_SYSTEM_service_and_the_docs_say_why()
    {
        var sources = Directory.GetFiles(Path.Combine(RepoRoot, "Plugins", "LeadPlugins.Plugins"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "Plumbing" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(RepoRoot, "Workflows"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("obj", StringComparison.Ordinal)))
            .ToList();
        var systemUsers = sources.Where(f => SystemService().IsMatch(File.ReadAllText(f))).Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(DocumentedSystemUsers.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToList(), systemUsers,
            "files asking for a SYSTEM service (SystemUserService or CreateOrganizationService(null))");

        var enrichment = File.ReadAllText(Path.Combine(RepoRoot, "docs", "enrichment.md"));
        StringAssert.Contains(enrichment, "| runs reads as | SYSTEM (`CreateOrganizationService(null)`)", "enrichment documents its SYSTEM reads");
        var nurture = File.ReadAllText(Path.Combine(RepoRoot, "docs", "nurture.md"));
        StringAssert.Contains(nurture, "`EnrollLeadInNurture` writes as **SYSTEM**", "nurture documents its SYSTEM writes");
    }

    [GeneratedRegex(@"SystemUserService|CreateOrganizationService\s*\(\s*null\s*\)")]
    private static partial Regex SystemService();

    [TestMethod]
    public void No_product_code_builds_FetchXML()
    {
        var offenders = ProductSources().Where(f => FetchXml().IsMatch(File.ReadAllText(f))).ToList();
        Assert.IsEmpty(offenders, "FetchXML built in product code must escape its input (SecurityElement.Escape) and get a test here: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"<fetch|FetchExpression|FetchXml", RegexOptions.IgnoreCase)]
    private static partial Regex FetchXml();

    internal static IEnumerable<string> ProductSources()
        => new[] { Path.Combine(RepoRoot, "Plugins"), Path.Combine(RepoRoot, "Workflows") }
            .SelectMany(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    [TestMethod]
    [DataRow("o'brien&sons@contoso.com")]
    [DataRow("\"quoted\"<x>@contoso.com")]
    [DataRow("a&amp;b@contoso.com")]
    [DataRow("'/><condition attribute='lastname' operator='not-null'/><x a='")]
    public void Escaped_input_in_FetchXML_matches_exactly_that_value_in_the_in_memory_Dataverse(string email)
    {
        var dataverse = NewDataverse();
        dataverse.Seed(new Entity("lead") { ["lastname"] = "Target", ["emailaddress1"] = email },
            new Entity("lead") { ["lastname"] = "Other", ["emailaddress1"] = "other@contoso.com" });
        var service = dataverse.GetOrganizationService();

        var escaped = "<fetch><entity name='lead'><attribute name='lastname'/><filter><condition attribute='emailaddress1' operator='eq' value='"
            + SecurityElement.Escape(email) + "'/></filter></entity></fetch>";
        var rows = service.RetrieveMultiple(new FetchExpression(escaped)).Entities;

        Assert.HasCount(1, rows);
        Assert.AreEqual("Target", rows[0].GetAttributeValue<string>("lastname"));

        // The same value pasted in unescaped is invalid XML or a different query: never the one intended.
        var raw = escaped.Replace(SecurityElement.Escape(email)!, email, StringComparison.Ordinal);
        try
        {
            var unescapedRows = service.RetrieveMultiple(new FetchExpression(raw)).Entities;
            Assert.IsFalse(unescapedRows.Count == 1 && unescapedRows[0].GetAttributeValue<string>("lastname") == "Target" && email.IndexOfAny(new[] { '\'', '<', '&', '"' }) >= 0,
                "unescaped input happened to work");
        }
        catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
        {
            // Rejected as malformed FetchXML: the expected outcome for quotes, angle brackets and ampersands.
        }
    }

    [TestMethod]
    public void The_secure_configuration_never_appears_in_a_trace_an_error_or_a_row()
    {
        var (dataverse, _) = SellersDay();

        Assert.IsNotEmpty(dataverse.Traces);
        Assert.IsTrue(dataverse.Steps.All(s => s.SecureConfiguration == Secret), "every step got the secret");
        var leaks = dataverse.Traces.Where(t => t.Text.Contains(Secret, StringComparison.Ordinal)).Select(t => t.Execution + ": " + t.Text)
            .Concat(dataverse.Audit.Where(a => a.Error?.Contains(Secret, StringComparison.Ordinal) == true).Select(a => a + ": " + a.Error))
            .ToList();
        foreach (var table in new[] { "lead", "mpl_nurtureenrollment", "task", "phonecall", "email", "opportunity" })
            leaks.AddRange(dataverse.Query(table).SelectMany(r => r.Attributes).Where(p => p.Value is string s && s.Contains(Secret, StringComparison.Ordinal))
                .Select(p => table + "." + p.Key));
        Assert.IsEmpty(leaks, string.Join("\n", leaks));
    }
}
