using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory.Tests;

/// <summary>
/// Stores made from table files and plug-in declarations read once (SchemaSource, PluginCatalog: what simulate reuses
/// for its store per 250 leads) are the stores the files and the assembly give, and share nothing they change.
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

    [TestMethod]
    public void A_fresh_store_given_the_first_stores_system_row_ids_keeps_the_organization_and_takes_no_ids_for_them()
    {
        // A store that replaces another (simulate's windows) is the same organization: WhoAmI and the defaults name the
        // same business unit and users, and the id sequence goes on where created rows left it.
        var ids = new SequentialIds();
        var first = NewDataverse(o => o.IdGenerator = ids.Next);
        var firstLead = first.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "In the first" });
        var second = NewDataverse(o =>
        {
            o.IdGenerator = ids.Next;
            o.SystemRowIds = first.SystemRowIds;
        });
        var service = second.GetOrganizationService();

        var secondLead = service.Create(new Entity("lead") { ["lastname"] = "In the second" });

        Assert.AreEqual(first.SystemRowIds, second.SystemRowIds);
        var whoAmI = (Microsoft.Crm.Sdk.Messages.WhoAmIResponse)service.Execute(new Microsoft.Crm.Sdk.Messages.WhoAmIRequest());
        Assert.AreEqual(first.CallerId, whoAmI.UserId);
        Assert.AreEqual(first.RootBusinessUnitId, whoAmI.BusinessUnitId);
        Assert.AreEqual(first.OrganizationId, whoAmI.OrganizationId);
        var stored = second.PeekRow("lead", secondLead)!;
        Assert.AreEqual(first.CallerId, stored.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(first.RootBusinessUnitId, stored.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        Assert.AreEqual("SYSTEM", second.PeekRow("systemuser", first.SystemUserId)!.GetAttributeValue<string>("fullname"));
        Assert.AreEqual(Sequence(firstLead) + 1, Sequence(secondLead), "the second store took no id before its lead's");
    }

    private static long Sequence(Guid id) => Convert.ToInt64(id.ToString("N")[20..], 16);
}
