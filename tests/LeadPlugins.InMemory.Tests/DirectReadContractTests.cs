using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using static LeadPlugins.Plugins.Registration.PipelineStage;

namespace LeadPlugins.InMemory.Tests;

/// <summary>
/// The typed Retrieve and RetrieveMultiple go straight to the read when no step can see them (as the typed Create).
/// What they return, fault, count and doom must be what the request through the chain does.
/// </summary>
[TestClass]
public sealed class DirectReadContractTests : DataverseTestBase
{
    [TestMethod]
    public void The_typed_reads_return_and_count_what_the_requests_do()
    {
        var id = CreateLead("Doe");
        var columns = new ColumnSet("lastname", "ownerid");
        var query = new QueryExpression("lead") { ColumnSet = columns };

        var direct = Service.Retrieve("lead", id, columns);
        var chained = (Entity)Service.Execute(new RetrieveRequest { Target = new EntityReference("lead", id), ColumnSet = columns }).Results["Entity"];
        var directRows = Service.RetrieveMultiple(query);
        var chainedRows = (EntityCollection)Service.Execute(new RetrieveMultipleRequest { Query = query }).Results["EntityCollection"];

        CollectionAssert.AreEqual(chained.Attributes.Keys.ToList(), direct.Attributes.Keys.ToList());
        Assert.AreEqual(chained.GetAttributeValue<EntityReference>("ownerid").Name, direct.GetAttributeValue<EntityReference>("ownerid").Name);
        Assert.AreEqual(chainedRows.Entities.Single().Id, directRows.Entities.Single().Id);
        Assert.AreEqual(chainedRows.PagingCookie, directRows.PagingCookie);
        Assert.AreEqual(2, Dataverse.Counters.ByMessageFromCaller["Retrieve"]);
        Assert.AreEqual(2, Dataverse.Counters.ByMessageFromCaller["RetrieveMultiple"]);
    }

    [TestMethod]
    public void A_faulted_typed_Retrieve_inside_a_step_dooms_the_transaction_even_when_caught()
    {
        // Source: anchors §1.8 "Rollback": a faulted call inside a synchronous step fails the whole request.
        Step("Create", "lead", PostOperation, s =>
        {
            try
            {
                s.Service.Retrieve("lead", Guid.NewGuid(), new ColumnSet("lastname"));
            }
            catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
            {
                // caught: the transaction is doomed all the same
            }
        });
        Fault(() => CreateLead("Rolled back"));
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
    }

    [TestMethod]
    public void A_RetrieveMultiple_step_still_sees_the_typed_call()
    {
        var seen = 0;
        Step("RetrieveMultiple", "lead", PostOperation, s => seen += ((EntityCollection)s.Context.OutputParameters["EntityCollection"]).Entities.Count);
        CreateLead("Doe");

        Service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") });

        Assert.AreEqual(1, seen);
    }
}
