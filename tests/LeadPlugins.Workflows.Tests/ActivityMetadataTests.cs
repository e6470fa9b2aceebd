using System.Reflection;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using LeadPlugins.Solution.Registration;

namespace LeadPlugins.Workflows.Tests;

/// <summary>
/// Reads the BUILT net462 LeadPlugins.Workflows.dll (System.Activities cannot run on .NET 10): the activity classes,
/// their registration attribute, every argument (name, InArgument/OutArgument, type, required, default, reference and
/// attribute targets) and, from the IL, the service call each activity makes.
/// </summary>
[TestClass]
public sealed class ActivityMetadataTests
{
    private const string Group = "LeadPlugins: Marketplace leads";
    private const string Ns = "LeadPlugins.Workflows.";
    private const string Service = "LeadPlugins.Plugins.Services.Workflow.LeadWorkflowService";
    private const string EntityReference = "Microsoft.Xrm.Sdk.EntityReference";
    private const string OptionSetValue = "Microsoft.Xrm.Sdk.OptionSetValue";
    private const string String = "System.String";
    private const string Int = "System.Int32";
    private const string Bool = "System.Boolean";

    private enum Direction { In, Out }

    private sealed record Argument(string Property, string Label, Direction Direction, string Type,
        bool Required = false, string? Default = null, string? ReferenceTarget = null, string? AttributeTarget = null);

    private sealed record Activity(string Type, string FriendlyName, string ServiceMethod, string[] DomainCalls, Argument[] Arguments);

    private static readonly Argument LeadInput = new("Lead", "Lead", Direction.In, EntityReference, Required: true, ReferenceTarget: "lead");

    /// <summary>The contract the README's table documents: change both together.</summary>
    private static readonly Activity[] Expected =
    {
        new(Ns + "ClassifyMarketplaceLead", "Classify marketplace lead", "Classify",
            new[] { "LeadPlugins.Plugins.Domain.Enrichment.MarketplaceLeadEnricher::Enrich" },
            new Argument[]
            {
                new("LeadSourceText", "Lead source text", Direction.In, String),
                new("ActionCode", "Action code", Direction.In, String),
                new("PayloadText", "Payload text", Direction.In, String),
                new("Storefront", "Storefront", Direction.Out, OptionSetValue, AttributeTarget: "lead.mpl_storefront"),
                new("Audience", "Audience", Direction.Out, OptionSetValue, AttributeTarget: "lead.mpl_audience"),
                new("CampaignType", "Campaign type", Direction.Out, OptionSetValue, AttributeTarget: "lead.mpl_campaigntype"),
                new("ListingType", "Listing type", Direction.Out, OptionSetValue, AttributeTarget: "lead.mpl_listingtype"),
                new("LeadAction", "Lead action", Direction.Out, OptionSetValue, AttributeTarget: "lead.mpl_leadaction"),
                new("OfferTitle", "Offer title", Direction.Out, String),
                new("IsCoSell", "Is co-sell", Direction.Out, Bool),
                new("IsTestLead", "Is test lead", Direction.Out, Bool),
                new("IsMarketplace", "Is marketplace", Direction.Out, Bool),
            }),
        new(Ns + "ScoreLead", "Score lead", "Score",
            new[] { "LeadPlugins.Plugins.Services.Enrichment.LeadEnrichmentService::Evaluate" },
            new[]
            {
                LeadInput,
                new Argument("Score", "Score", Direction.Out, Int),
                new Argument("Rating", "Rating", Direction.Out, OptionSetValue, AttributeTarget: "lead.leadqualitycode"),
                new Argument("Explanation", "Score explanation", Direction.Out, String),
                new Argument("IsScored", "Is scored", Direction.Out, Bool),
            }),
        new(Ns + "RouteLead", "Route lead", "Route",
            new[] { "LeadPlugins.Plugins.Services.Enrichment.LeadEnrichmentService::Evaluate", "Microsoft.Xrm.Sdk.IOrganizationService::Update" },
            new[]
            {
                LeadInput,
                new Argument("AssignNow", "Assign now", Direction.In, Bool, Default: "False"),
                new Argument("OwnerUser", "Owner user", Direction.Out, EntityReference, ReferenceTarget: "systemuser"),
                new Argument("OwnerTeam", "Owner team", Direction.Out, EntityReference, ReferenceTarget: "team"),
                new Argument("OwnerChanged", "Owner changed", Direction.Out, Bool),
                new Argument("Explanation", "Routing explanation", Direction.Out, String),
            }),
        new(Ns + "EnrollInNurtureSequence", "Enrol in nurture sequence", "Enroll",
            new[] { "LeadPlugins.Plugins.Services.Nurture.NurtureEnrollmentService::Enroll" },
            new[]
            {
                LeadInput,
                new Argument("Sequence", "Nurture sequence", Direction.In, EntityReference, ReferenceTarget: NurtureSequenceTable.LogicalName),
                new Argument("Enrollment", "Enrolment", Direction.Out, EntityReference, ReferenceTarget: NurtureEnrollmentTable.LogicalName),
                new Argument("StepsScheduled", "Steps scheduled", Direction.Out, Int),
                new Argument("Result", "Result", Direction.Out, String),
                new Argument("Reason", "Reason", Direction.Out, String),
            }),
        new(Ns + "StopNurture", "Stop nurture", "Stop",
            new[] { "LeadPlugins.Plugins.Services.Nurture.NurtureStopService::Stop" },
            new[]
            {
                LeadInput,
                new Argument("Reason", "Reason", Direction.In, String, Default: "Stopped by a workflow"),
                new Argument("ActivitiesCanceled", "Activities cancelled", Direction.Out, Int),
                new Argument("Stopped", "Stopped", Direction.Out, Bool),
            }),
    };

    private static Activity ExpectedFor(string type) => Expected.Single(a => a.Type == Ns + type);

    [TestMethod]
    public void The_assembly_holds_exactly_the_five_activities_each_a_public_sealed_CodeActivity()
    {
        using var context = BuiltAssemblies.Open(BuiltAssemblies.Workflows, out var assembly);

        var activities = assembly.GetTypes().Where(t => !t.IsAbstract && BaseNames(t).Contains("System.Activities.CodeActivity")).ToList();

        CollectionAssert.AreEquivalent(Expected.Select(a => a.Type).ToArray(), activities.Select(t => t.FullName).ToArray());
        foreach (var type in activities)
        {
            Assert.IsTrue(type.IsPublic && type.IsSealed, type.FullName + " must be public and sealed");
            CollectionAssert.AreEqual(new[] { Ns + "LeadWorkflowActivity", "System.Activities.CodeActivity", "System.Activities.Activity", "System.Object" },
                BaseNames(type).Skip(1).ToArray(), type.FullName);
            Assert.IsNotNull(type.GetConstructor(Type.EmptyTypes), type.FullName + " needs a public parameterless constructor");
        }
        var baseType = assembly.GetType(Ns + "LeadWorkflowActivity")!;
        Assert.IsTrue(baseType.IsAbstract && baseType.IsPublic, "the base is abstract: never registered itself");
    }

    [TestMethod]
    public void Each_activity_carries_WorkflowActivity_with_its_friendly_name_a_description_and_the_default_group()
    {
        Assert.AreEqual(Group, WorkflowActivityAttribute.DefaultGroupName);
        using var context = BuiltAssemblies.Open(BuiltAssemblies.Workflows, out var assembly);

        foreach (var expected in Expected)
        {
            var data = assembly.GetType(expected.Type)!.GetCustomAttributesData()
                .Single(a => a.AttributeType.FullName == RegistrationReader.WorkflowActivityAttributeName);
            Assert.AreEqual(expected.FriendlyName, data.ConstructorArguments.Single().Value, expected.Type);
            var named = data.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
            Assert.IsFalse(named.ContainsKey("GroupName"), expected.Type + " keeps the default group");
            Assert.IsFalse(string.IsNullOrWhiteSpace(named["Description"] as string), expected.Type + " has a description");
        }

        // The same attributes as the solution build reads them: the group lands on every type.
        var read = RegistrationReader.Read(BuiltAssemblies.Workflows);
        Assert.AreEqual(0, read.Findings.Count(f => f.Severity == LeadPlugins.Solution.Severity.Error), string.Join("\n", read.Findings));
        var types = read.Assembly!.Types;
        CollectionAssert.AreEquivalent(Expected.Select(a => a.Type).ToArray(), types.Select(t => t.TypeName).ToArray());
        foreach (var type in types)
        {
            Assert.AreEqual(PluginTypeKind.WorkflowActivity, type.Kind, type.TypeName);
            Assert.AreEqual(Group, type.WorkflowActivityGroupName, type.TypeName);
            Assert.AreEqual(Expected.Single(a => a.Type == type.TypeName).FriendlyName, type.FriendlyName);
        }
    }

    [TestMethod]
    [DataRow("ClassifyMarketplaceLead")]
    [DataRow("ScoreLead")]
    [DataRow("RouteLead")]
    [DataRow("EnrollInNurtureSequence")]
    [DataRow("StopNurture")]
    public void Each_activity_declares_exactly_its_arguments(string name)
    {
        var expected = ExpectedFor(name);
        using var context = BuiltAssemblies.Open(BuiltAssemblies.Workflows, out var assembly);
        var type = assembly.GetType(expected.Type)!;

        var actual = new List<Argument>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var propertyType = property.PropertyType;
            Assert.IsTrue(propertyType.IsGenericType, property.Name + " is not an argument");
            var definition = propertyType.GetGenericTypeDefinition().FullName;
            var direction = definition switch
            {
                "System.Activities.InArgument`1" => Direction.In,
                "System.Activities.OutArgument`1" => Direction.Out,
                _ => throw new AssertFailedException(property.Name + ": " + definition + " is neither InArgument<T> nor OutArgument<T>"),
            };
            Assert.IsTrue(property.CanRead && property.CanWrite && property.GetSetMethod() != null, property.Name + " needs a public get and set");
            var attributes = property.GetCustomAttributesData().ToDictionary(a => a.AttributeType.FullName!, a => a);
            var label = direction == Direction.In ? Text(attributes, "Microsoft.Xrm.Sdk.Workflow.InputAttribute", 0) : Text(attributes, "Microsoft.Xrm.Sdk.Workflow.OutputAttribute", 0);
            Assert.IsNotNull(label, property.Name + ": [" + direction + "put] attribute matching its direction");
            Assert.IsFalse(attributes.ContainsKey(direction == Direction.In ? "Microsoft.Xrm.Sdk.Workflow.OutputAttribute" : "Microsoft.Xrm.Sdk.Workflow.InputAttribute"), property.Name);
            var attributeTarget = attributes.ContainsKey("Microsoft.Xrm.Sdk.Workflow.AttributeTargetAttribute")
                ? Text(attributes, "Microsoft.Xrm.Sdk.Workflow.AttributeTargetAttribute", 0) + "." + Text(attributes, "Microsoft.Xrm.Sdk.Workflow.AttributeTargetAttribute", 1)
                : null;
            actual.Add(new Argument(property.Name, label!, direction, propertyType.GetGenericArguments()[0].FullName!,
                attributes.ContainsKey("System.Activities.RequiredArgumentAttribute"),
                Text(attributes, "Microsoft.Xrm.Sdk.Workflow.DefaultAttribute", 0),
                Text(attributes, "Microsoft.Xrm.Sdk.Workflow.ReferenceTargetAttribute", 0),
                attributeTarget));
        }

        CollectionAssert.AreEquivalent(expected.Arguments, actual, string.Join("\n", actual));
        Assert.HasCount(actual.Count, actual.Select(a => a.Label).Distinct(), "labels are unique within an activity");
        foreach (var argument in actual)
        {
            if (argument.Type == EntityReference) Assert.IsNotNull(argument.ReferenceTarget, argument.Property + ": an EntityReference needs [ReferenceTarget]");
            if (argument.Type == OptionSetValue) Assert.IsNotNull(argument.AttributeTarget, argument.Property + ": an OptionSetValue needs [AttributeTarget]");
            if (argument.Required) Assert.AreEqual(Direction.In, argument.Direction, argument.Property);
        }
    }

    [TestMethod]
    public void Every_reference_and_attribute_target_names_a_table_and_choice_column_that_exist()
    {
        var schema = DataverseSchema.Load(null, LeadPlugins.SolutionModel.SolutionSource.Load());

        foreach (var argument in Expected.SelectMany(a => a.Arguments))
        {
            if (argument.ReferenceTarget != null)
                Assert.IsNotNull(schema.FindTable(argument.ReferenceTarget), argument.Property + ": table " + argument.ReferenceTarget);
            if (argument.AttributeTarget != null)
            {
                var parts = argument.AttributeTarget.Split('.');
                var column = schema.FindTable(parts[0])?.FindColumn(parts[1]);
                Assert.IsNotNull(column, argument.Property + ": column " + argument.AttributeTarget);
                Assert.IsNotNull(column.OptionValues, argument.AttributeTarget + " must be a choice column");
            }
        }
    }

    [TestMethod]
    [DataRow("ClassifyMarketplaceLead")]
    [DataRow("ScoreLead")]
    [DataRow("RouteLead")]
    [DataRow("EnrollInNurtureSequence")]
    [DataRow("StopNurture")]
    public void Each_activity_makes_one_call_to_its_service_method_which_reaches_the_domain_service(string name)
    {
        var expected = ExpectedFor(name);
        using var il = new IlCalls(BuiltAssemblies.Workflows);

        var execute = il.Methods(expected.Type, "Execute", parameterCount: 2).Single();
        var serviceCalls = il.Direct(execute).Where(c => c.StartsWith(Service + "::", StringComparison.Ordinal)).ToList();

        CollectionAssert.AreEqual(new[] { Service + "::" + expected.ServiceMethod }, serviceCalls, "one call, to the activity's own service method");
        var reachable = il.Reachable(execute);
        foreach (var call in expected.DomainCalls)
            Assert.Contains(call, reachable, expected.Type + " must reach " + call);
    }

    [TestMethod]
    public void The_base_takes_its_services_from_the_activity_context_and_runs_as_the_workflow_user()
    {
        using var il = new IlCalls(BuiltAssemblies.Workflows);

        var execute = il.Methods(Ns + "LeadWorkflowActivity", "Execute", parameterCount: 1).Single();
        var calls = il.Direct(execute);

        foreach (var extension in new[] { "Microsoft.Xrm.Sdk.Workflow.IWorkflowContext", "Microsoft.Xrm.Sdk.IOrganizationServiceFactory", "Microsoft.Xrm.Sdk.ITracingService" })
            Assert.Contains("System.Activities.ActivityContext::GetExtension<" + extension + ">", calls);
        Assert.Contains("Microsoft.Xrm.Sdk.IOrganizationServiceFactory::CreateOrganizationService", calls);
        Assert.Contains("Microsoft.Xrm.Sdk.IExecutionContext::get_UserId", calls);
        Assert.DoesNotContain("Microsoft.Xrm.Sdk.IExecutionContext::get_InitiatingUserId", calls);
        Assert.Contains(Service + "::.ctor", calls);
    }

    [TestMethod]
    public void The_assembly_uses_no_specialized_update_or_batch_request()
    {
        using var il = new IlCalls(BuiltAssemblies.Workflows);

        var referenced = il.ReferencedTypes();

        Assert.IsTrue(referenced.Contains("System.Activities.CodeActivity"), "sanity: references are read");
        foreach (var forbidden in new[] { "AssignRequest", "SetStateRequest", "ExecuteMultipleRequest", "ExecuteTransactionRequest" })
            Assert.IsFalse(referenced.Any(t => t.EndsWith("." + forbidden, StringComparison.Ordinal)), forbidden + " (checker rules il-avoid-specialized-update-ops, il-avoid-batch-plugin)");
    }

    private static List<string> BaseNames(Type type)
    {
        var names = new List<string>();
        for (var current = type; current != null; current = current.BaseType) names.Add(current.FullName!);
        return names;
    }

    private static string? Text(Dictionary<string, CustomAttributeData> attributes, string name, int index)
        => attributes.TryGetValue(name, out var data) ? data.ConstructorArguments[index].Value as string : null;
}
