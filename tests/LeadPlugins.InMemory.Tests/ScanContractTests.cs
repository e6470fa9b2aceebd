using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static LeadPlugins.Plugins.Registration.PipelineStage;

namespace LeadPlugins.InMemory.Tests;

/// <summary>
/// Scans of tables past the vector threshold (issue 13: an unindexed scan of 100,000 rows within 5 ms) test a column
/// vector first. The rows, their order and every condition's meaning must be what the plain row-by-row scan gives,
/// across creates, updates, deletes and rolled-back writes.
/// </summary>
[TestClass]
public sealed class ScanContractTests : DataverseTestBase
{
    private const int Rows = 300; // past QueryEngine's vector threshold (256)

    private List<Guid> _ids = new();

    private void SeedLeads()
    {
        _ids = Enumerable.Range(0, Rows).Select(i => CreateLead("Lead " + i.ToString("D3"), i % 3 == 0 ? null : "lead" + i + "@contoso.example",
            l => l[LeadTable.Columns.LeadScore] = i % 100)).ToList();
    }

    private List<string> LastNames(QueryExpression query)
    {
        query.ColumnSet = new ColumnSet("lastname");
        return Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname")).ToList();
    }

    private static QueryExpression Where(string column, ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression("lead");
        query.Criteria.AddCondition(column, op, values);
        return query;
    }

    [TestMethod]
    public void Vector_scans_return_what_the_conditions_mean_in_storage_order()
    {
        SeedLeads();
        CollectionAssert.AreEqual(new[] { "Lead 001", "Lead 010", "Lead 011", "Lead 013", "Lead 014", "Lead 016", "Lead 017", "Lead 019", "Lead 100" },
            LastNames(Where("emailaddress1", ConditionOperator.BeginsWith, "LEAD1")).Take(9).ToList());
        Assert.AreEqual(Rows / 3, LastNames(Where("emailaddress1", ConditionOperator.Null)).Count, "rows without the column are null to the test");
        Assert.AreEqual(Rows - Rows / 3, LastNames(Where("emailaddress1", ConditionOperator.NotNull)).Count);
        CollectionAssert.AreEqual(new[] { "Lead 098", "Lead 099", "Lead 198", "Lead 199", "Lead 298", "Lead 299" },
            LastNames(Where(LeadTable.Columns.LeadScore, ConditionOperator.GreaterEqual, 98)));
        CollectionAssert.AreEqual(new[] { "Lead 250" }, LastNames(Where("emailaddress1", ConditionOperator.Like, "%250@%")));
        var both = Where("emailaddress1", ConditionOperator.EndsWith, "@contoso.example");
        both.Criteria.AddCondition("lastname", ConditionOperator.BeginsWith, "Lead 2");
        Assert.AreEqual(67, LastNames(both).Count, "the first condition narrows, the whole filter decides");
    }

    [TestMethod]
    public void Vector_is_kept_in_step_with_updates_deletes_and_rollbacks()
    {
        SeedLeads();
        var query = Where("emailaddress1", ConditionOperator.BeginsWith, "renamed");
        Assert.AreEqual(0, LastNames(query).Count); // builds the vector
        Service.Update(new Entity("lead", _ids[5]) { ["emailaddress1"] = "renamed@contoso.example" });
        Service.Update(new Entity("lead", _ids[6]) { ["emailaddress1"] = "Renamed2@contoso.example" });
        CollectionAssert.AreEqual(new[] { "Lead 005", "Lead 006" }, LastNames(query));

        Service.Delete("lead", _ids[5]);
        CollectionAssert.AreEqual(new[] { "Lead 006" }, LastNames(query));
        CreateLead("Late", "renamed-late@contoso.example");
        CollectionAssert.AreEqual(new[] { "Lead 006", "Late" }, LastNames(query), "a new row comes after the existing ones");

        Step("Update", "lead", PostOperation, _ => throw new InvalidPluginExecutionException("no"));
        Fault(() => Service.Update(new Entity("lead", _ids[7]) { ["emailaddress1"] = "renamed-rolled-back@contoso.example" }));
        CollectionAssert.AreEqual(new[] { "Lead 006", "Late" }, LastNames(query), "a rolled-back update leaves the vector as it was");
    }

    [TestMethod]
    public void A_rolled_back_delete_puts_the_row_back_in_its_place()
    {
        SeedLeads();
        Step("Delete", "lead", PostOperation, _ => throw new InvalidPluginExecutionException("no"));
        Fault(() => Service.Delete("lead", _ids[1]));
        var names = LastNames(Where("emailaddress1", ConditionOperator.BeginsWith, "lead"));
        Assert.AreEqual("Lead 001", names[0]);
        Assert.AreEqual(Rows - Rows / 3, names.Count);
    }

    [TestMethod]
    public void Many_deletes_compact_the_slots_without_losing_or_reordering_rows()
    {
        SeedLeads();
        Assert.AreEqual(Rows / 3, LastNames(Where("emailaddress1", ConditionOperator.Null)).Count); // builds the vector
        for (var i = 0; i < Rows; i++)
            if (i % 5 != 0) Service.Delete("lead", _ids[i]);
        for (var i = 0; i < Rows; i++) CreateLead("New " + i.ToString("D3"), i % 2 == 0 ? null : "new" + i + "@contoso.example");
        var unnamed = LastNames(Where("emailaddress1", ConditionOperator.Null));
        var expected = Enumerable.Range(0, Rows).Where(i => i % 5 == 0 && i % 3 == 0).Select(i => "Lead " + i.ToString("D3"))
            .Concat(Enumerable.Range(0, Rows).Where(i => i % 2 == 0).Select(i => "New " + i.ToString("D3"))).ToList();
        CollectionAssert.AreEqual(expected, unnamed);
        Assert.AreEqual(Rows / 5 + Rows, Dataverse.Query("lead").Count);
    }
}
