using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using static LeadPlugins.Plugins.Registration.PipelineStage;

namespace LeadPlugins.InMemory.Tests;

/// <summary>
/// The typed Create goes straight to the main operation when no step can see it (issue 13: Create through an empty
/// pipeline). What it stores, faults, counts and rolls back must be what the chain does.
/// </summary>
[TestClass]
public sealed class DirectCreateContractTests : DataverseTestBase
{
    private static Entity Task(string subject) => new("task") { ["subject"] = subject, ["description"] = "call back", ["prioritycode"] = new OptionSetValue(2) };

    private static Dictionary<string, string> Shape(Entity row)
        => row.Attributes.Where(p => p.Key != "activityid").ToDictionary(p => p.Key, p => p.Value switch
        {
            EntityReference r => r.LogicalName + ":" + r.Id,
            OptionSetValue o => "option " + o.Value,
            _ => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });

    [TestMethod]
    public void The_typed_Create_stores_what_the_CreateRequest_stores()
    {
        var direct = Service.Create(Task("same"));
        var chained = (Guid)Service.Execute(new CreateRequest { Target = Task("same") }).Results["id"];
        CollectionAssert.AreEquivalent(Shape(Row("task", chained)).ToList(), Shape(Row("task", direct)).ToList());
        Assert.AreEqual(2, Dataverse.Counters.ByMessageFromCaller["Create"]);
    }

    [TestMethod]
    public void A_faulted_Create_inside_a_step_dooms_the_transaction_even_when_caught()
    {
        // Source: anchors §1.8 "Rollback": a faulted call inside a synchronous step fails the whole request.
        var existing = Service.Create(Task("first"));
        Step("Create", "lead", PostOperation, s =>
        {
            try
            {
                s.Service.Create(new Entity("task", existing) { ["subject"] = "duplicate id" });
            }
            catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
            {
                // caught: the transaction is doomed all the same
            }
        });
        Fault(() => CreateLead("Rolled back"));
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
        Assert.AreEqual(1, Dataverse.Query("task").Count);
    }

    [TestMethod]
    public void A_Create_that_faults_writes_nothing()
    {
        // Source: anchors §1.8 type strictness; a Create is all or nothing.
        Fault(() => Service.Create(new Entity("task") { ["subject"] = "ok", ["prioritycode"] = "high" }));
        Fault(() => Service.Create(new Entity("task") { ["subject"] = "ok", ["nosuchcolumn"] = 1 }));
        Assert.AreEqual(0, Dataverse.Query("task").Count);
    }
}
