using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory.Tests;

/// <summary>
/// Stores made from table files and plug-in declarations read once (SchemaSource, PluginCatalog: what simulate reuses
/// for its store per 1,000 leads) are the stores the files and the assembly give, and share nothing they change.
/// </summary>
[TestClass]
public sealed class SchemaSourceTests : DataverseTestBase
{
    private static string Describe(DataverseSchema schema) => string.Join("\n", schema.Tables.Values.OrderBy(t => t.LogicalName, StringComparer.Ordinal)
        .Select(t => t.LogicalName + ": " + string.Join(",", t.Columns.Keys.OrderBy(c => c, StringComparer.Ordinal))
            + " | keys " + string.Join(",", t.Keys.Select(k => k.Name)) + " | statuses " + t.Statuses.Count));

    [TestMethod]
    public void A_store_built_from_a_schema_source_has_the_schema_its_files_give()
    {
        var source = SchemaSource.Read(null, Solution);

        var built = NewDataverse(o => o.SchemaSource = source);

        Assert.AreEqual(Describe(Dataverse.Schema), Describe(built.Schema));
        StringAssert.Contains(Describe(built.Schema), "mpl_nurtureenrollment: ");
    }

    [TestMethod]
    public void Stores_built_from_one_schema_source_do_not_share_schema_changes_or_rows()
    {
        var source = SchemaSource.Read(null, Solution);
        var first = NewDataverse(o =>
        {
            o.SchemaSource = source;
            o.ManyToManyRelationships.Add(new ManyToManyRelationship("campaign_leads", "campaignleads", "campaign", "campaignid", "lead", "leadid"));
        });
        var second = NewDataverse(o => o.SchemaSource = source);

        var lead = first.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Only in the first" });

        Assert.IsNotNull(first.Schema.FindTable("campaignleads"));
        Assert.IsNull(second.Schema.FindTable("campaignleads"));
        Assert.IsNotNull(first.PeekRow("lead", lead));
        Assert.IsNull(second.PeekRow("lead", lead));
    }

    [TestMethod]
    public void A_plugin_catalog_registers_the_steps_the_assembly_declares_with_a_plugin_instance_per_store()
    {
        // Source: anchors §3.2 (the platform caches a plug-in instance per step): each store is its own platform.
        var assembly = typeof(ConfiguredCampaignPlugin).Assembly;
        var catalog = PluginCatalog.Of(assembly);
        var fromAssembly = NewDataverse().RegisterPluginAssembly(assembly);
        var first = NewDataverse().RegisterPluginAssembly(catalog);
        var second = NewDataverse().RegisterPluginAssembly(catalog, new PluginConfiguration(typeof(ConfiguredCampaignPlugin), "override", "secret"));

        CollectionAssert.AreEqual(fromAssembly.Steps.Select(s => s.Id).ToArray(), first.Steps.Select(s => s.Id).ToArray());
        var before = InstanceCountingPlugin.Constructed;
        var descriptions = new List<string>();
        foreach (var store in new[] { first, second })
        {
            var service = store.GetOrganizationService();
            var id = service.Create(new Entity("campaign") { ["name"] = "Spring" });
            service.Update(new Entity("campaign", id) { ["codename"] = "C1" });
            service.Update(new Entity("campaign", id) { ["codename"] = "C2" });
            descriptions.Add(service.Retrieve("campaign", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("description")).GetAttributeValue<string>("description"));
        }
        Assert.AreEqual(2, InstanceCountingPlugin.Constructed - before);
        CollectionAssert.AreEqual(new[] { "from-attribute|", "override|secret" }, descriptions);
    }
}
