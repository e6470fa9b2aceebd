using System.Reflection;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Sdk.Tests;

/// <summary>
/// Message classes are thin wrappers over Parameters/Results: the constructor sets RequestName, each property reads and
/// writes one key. Names and keys from the table in sdk-surface.md §2.5 (read there from the binaries' IL).
/// </summary>
[TestClass]
public sealed class MessageBehaviourTests
{
    /// <summary>Keys of §2.5 whose property our subset does not define (their types are not in the contracts).</summary>
    private static readonly string[] KeysWithoutPropertyInOurSubset = ["RelatedEntitiesQuery", "Notifications"];

    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateRequest", "Create", "Target", "Target")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateRequest", "Update", "Target ConcurrencyBehavior", "Target")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.DeleteRequest", "Delete", "Target ConcurrencyBehavior", "Target")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveRequest", "Retrieve", "Target ColumnSet RelatedEntitiesQuery ReturnNotifications", "Target ColumnSet")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveMultipleRequest", "RetrieveMultiple", "Query", "Query")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.ExecuteMultipleRequest", "ExecuteMultiple", "Requests Settings", "Requests Settings")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpsertRequest", "Upsert", "Target", "Target")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.AssociateRequest", "Associate", "Target Relationship RelatedEntities", "Target Relationship RelatedEntities")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateMultipleRequest", "CreateMultiple", "Targets", "Targets")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateMultipleRequest", "UpdateMultiple", "Targets ConcurrencyBehavior", "Targets")]
    [DataRow("Microsoft.Crm.Sdk.Messages.AssignRequest", "Assign", "Target Assignee", "Target Assignee")]
    [DataRow("Microsoft.Crm.Sdk.Messages.SetStateRequest", "SetState", "EntityMoniker State Status", "EntityMoniker State Status")]
    [DataRow("Microsoft.Crm.Sdk.Messages.QualifyLeadRequest", "QualifyLead", "LeadId CreateAccount CreateContact CreateOpportunity OpportunityCurrencyId OpportunityCustomerId SourceCampaignId Status ProcessInstanceId", "LeadId CreateAccount CreateContact CreateOpportunity")]
    [DataRow("Microsoft.Crm.Sdk.Messages.WhoAmIRequest", "WhoAmI", "", "")]
    public void Request_sets_its_name_and_maps_each_property_to_its_parameter_key(string typeName, string requestName, string keys, string initialKeys)
    {
        var request = (OrganizationRequest)Activator.CreateInstance(SdkTypes.Get(typeName))!;
        Assert.AreEqual(requestName, request.RequestName);
        Assert.IsNull(request.RequestId);
        // Observed on 9.0.2.56: the constructor registers the leading parameters (null; QualifyLead's flags false).
        CollectionAssert.AreEquivalent(initialKeys.Split(' ', StringSplitOptions.RemoveEmptyEntries), request.Parameters.Keys.ToList(), "parameters of a new request");
        foreach (var pair in request.Parameters) Assert.IsTrue(pair.Value is null or false, $"{pair.Key} starts as null/false");
        foreach (var key in keys.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var property = request.GetType().GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            if (property is null)
            {
                CollectionAssert.Contains(KeysWithoutPropertyInOurSubset, key, $"{typeName}.{key} is missing");
                continue;
            }
            var value = SampleOf(property.PropertyType);
            property.SetValue(request, value);
            Assert.IsTrue(request.Parameters.Contains(key), $"{typeName}.{key} writes Parameters[\"{key}\"]");
            Assert.AreEqual(value, request.Parameters[key]);
            Assert.AreEqual(value, request[key], "OrganizationRequest indexer = Parameters");
            Assert.AreEqual(value, property.GetValue(request));
        }
        var declared = request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.Name);
        CollectionAssert.IsSubsetOf(declared.ToList(), keys.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(), "no property beyond §2.5");
    }

    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateResponse", "id")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveResponse", "Entity Notifications")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveMultipleResponse", "EntityCollection")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.ExecuteMultipleResponse", "IsFaulted Responses")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpsertResponse", "RecordCreated Target")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateMultipleResponse", "Ids")]
    [DataRow("Microsoft.Crm.Sdk.Messages.QualifyLeadResponse", "CreatedEntities")]
    [DataRow("Microsoft.Crm.Sdk.Messages.WhoAmIResponse", "UserId BusinessUnitId OrganizationId")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateResponse", "")]
    [DataRow("Microsoft.Crm.Sdk.Messages.AssignResponse", "")]
    [DataRow("Microsoft.Crm.Sdk.Messages.SetStateResponse", "")]
    public void Response_reads_each_property_from_its_result_key(string typeName, string keys)
    {
        var response = (OrganizationResponse)Activator.CreateInstance(SdkTypes.Get(typeName))!;
        Assert.AreEqual(0, response.Results.Count, "a new response has no results");
        Assert.IsNull(response.ResponseName, "observed on 9.0.2.56: response constructors leave ResponseName null");
        foreach (var key in keys.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var property = response.GetType().GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            if (property is null)
            {
                CollectionAssert.Contains(KeysWithoutPropertyInOurSubset, key, $"{typeName}.{key} is missing");
                continue;
            }
            Assert.IsNull(property.SetMethod, $"{typeName}.{key} is read-only");
            var value = SampleOf(property.PropertyType);
            response.Results[key] = value;
            Assert.AreEqual(value, property.GetValue(response), $"{typeName}.{key} reads Results[\"{key}\"]");
            Assert.AreEqual(value, response[key], "OrganizationResponse indexer = Results");
        }
    }

    [TestMethod]
    public void CreateResponse_id_is_the_lower_case_result_key()
    {
        var id = Guid.NewGuid();
        var response = new CreateResponse();
        response.Results["id"] = id;
        Assert.AreEqual(id, response.id);
        Assert.IsNull(typeof(CreateResponse).GetProperty("Id"), "the property is literally 'id'");
    }

    [TestMethod]
    public void Request_property_on_a_missing_parameter_returns_default()
    {
        Assert.IsNull(new CreateRequest().Target);
        Assert.IsNull(new RetrieveMultipleRequest().Query);
        Assert.IsFalse(new QualifyLeadRequest().CreateAccount);
        Assert.AreEqual(ConcurrencyBehavior.Default, new UpdateRequest().ConcurrencyBehavior);
    }

    [TestMethod]
    public void Response_property_on_a_missing_result_returns_default()
    {
        Assert.AreEqual(Guid.Empty, new CreateResponse().id);
        Assert.IsNull(new RetrieveResponse().Entity);
        Assert.IsNull(new RetrieveMultipleResponse().EntityCollection);
        Assert.AreEqual(Guid.Empty, new WhoAmIResponse().UserId);
        Assert.IsFalse(new UpsertResponse().RecordCreated);
    }

    [TestMethod]
    public void OrganizationRequest_generic_form()
    {
        var request = new OrganizationRequest("mpl_EnrichLead") { ["Target"] = new EntityReference("lead", Guid.NewGuid()) };
        Assert.AreEqual("mpl_EnrichLead", request.RequestName);
        Assert.IsTrue(request.Parameters.Contains("Target"));
        Assert.IsNull(new OrganizationRequest().RequestName);
        Assert.IsNull(request.RequestId);
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = request["Missing"]);
        Assert.IsNotNull(new OrganizationResponse().Results);
    }

    private static object SampleOf(Type type)
    {
        if (type == typeof(Entity)) return new Entity("lead", Guid.NewGuid());
        if (type == typeof(EntityReference)) return new EntityReference("lead", Guid.NewGuid());
        if (type == typeof(EntityCollection)) return new EntityCollection();
        if (type == typeof(EntityReferenceCollection)) return new EntityReferenceCollection();
        if (type == typeof(OptionSetValue)) return new OptionSetValue(3);
        if (type == typeof(ConcurrencyBehavior)) return ConcurrencyBehavior.IfRowVersionMatches;
        if (type == typeof(ColumnSet)) return new ColumnSet("subject");
        if (type == typeof(QueryBase)) return new QueryExpression("lead");
        if (type == typeof(Relationship)) return new Relationship("lead_tasks");
        if (type == typeof(OrganizationRequestCollection)) return new OrganizationRequestCollection();
        if (type == typeof(ExecuteMultipleSettings)) return new ExecuteMultipleSettings();
        if (type == typeof(ExecuteMultipleResponseItemCollection)) return new ExecuteMultipleResponseItemCollection();
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(Guid[])) return new[] { Guid.NewGuid() };
        if (type == typeof(bool)) return true;
        if (type == typeof(object)) return "any value"; // RetrieveResponse.Notifications (only in Microsoft's assembly)
        // e.g. RelationshipQueryCollection of RetrieveRequest.RelatedEntitiesQuery, which only Microsoft's assembly has
        return Activator.CreateInstance(type) ?? throw new AssertFailedException("no sample value for " + type);
    }
}
