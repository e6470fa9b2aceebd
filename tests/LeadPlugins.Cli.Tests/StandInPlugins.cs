using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Cli.Tests;

/// <summary>
/// Test doubles standing in for the product's enrichment and nurture plug-ins (written on other branches), so the
/// simulator's read-back (labels, owner and campaign names, duplicates, enrolment, activities, service calls, traces)
/// is tested today. They are registered only by these tests; the simulator itself registers LeadPlugins.Plugins.
/// </summary>
internal static class StandIns
{
    public const int AppSource = 712540000;
    public const int ContactMe = 712540000;
    public const int Enriched = 712540000;
    public const int Hot = 1;

    public static void Register(InMemoryDataverse dataverse)
    {
        dataverse.RegisterStep<StandInEnrichment>(new PluginStepAttribute("Create", "lead", PipelineStage.PreOperation, ExecutionMode.Synchronous));
        dataverse.RegisterStep<StandInNurture>(new PluginStepAttribute("Create", "lead", PipelineStage.PostOperation, ExecutionMode.Asynchronous));
    }
}

/// <summary>PreOperation, sync: sets the enrichment columns, the first storefront setting's campaign, and mpl_duplicateof (1 RetrieveMultiple per lead with an e-mail, 1 for settings).</summary>
public sealed class StandInEnrichment : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);
        var lead = (Entity)context.InputParameters["Target"];
        lead["mpl_ismarketplace"] = true;
        lead["mpl_storefront"] = new OptionSetValue(StandIns.AppSource);
        lead["mpl_leadaction"] = new OptionSetValue(StandIns.ContactMe);
        lead["mpl_enrichmentstatus"] = new OptionSetValue(StandIns.Enriched);
        lead["mpl_leadscore"] = 75;
        lead["leadqualitycode"] = new OptionSetValue(StandIns.Hot);
        tracing.Trace("stand-in enrichment: score 75");

        var settings = service.RetrieveMultiple(new QueryExpression("mpl_storefrontsetting") { ColumnSet = new ColumnSet("mpl_campaignid", "mpl_defaultuserid") });
        if (settings.Entities.FirstOrDefault() is { } setting)
        {
            if (setting.GetAttributeValue<EntityReference>("mpl_campaignid") is { } campaign) lead["campaignid"] = campaign;
            if (setting.GetAttributeValue<EntityReference>("mpl_defaultuserid") is { } owner) lead["ownerid"] = owner;
        }

        var email = lead.GetAttributeValue<string>("emailaddress1");
        if (string.IsNullOrWhiteSpace(email)) return;
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("createdon") };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, email.Trim());
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        query.AddOrder("createdon", OrderType.Ascending);
        var original = service.RetrieveMultiple(query).Entities.OrderBy(e => e.GetAttributeValue<DateTime>("createdon")).ThenBy(e => e.Id).FirstOrDefault();
        if (original != null)
        {
            lead["mpl_duplicateof"] = original.ToEntityReference();
            tracing.Trace("stand-in enrichment: duplicate of " + original.Id);
        }
    }
}

/// <summary>PostOperation, async: an enrolment and two activities (phone call on step 1, task on step 2): 3 Creates.</summary>
public sealed class StandInNurture : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);
        var lead = new EntityReference("lead", context.PrimaryEntityId);
        var enrolmentId = service.Create(new Entity("mpl_nurtureenrollment")
        {
            ["mpl_name"] = "Stand-in sequence",
            ["mpl_leadid"] = lead,
            ["mpl_sequencename"] = "Stand-in sequence",
            ["mpl_status"] = new OptionSetValue(712540000),
        });
        var enrolment = new EntityReference("mpl_nurtureenrollment", enrolmentId);
        var due = context.OperationCreatedOn.Date.AddDays(1).AddHours(17);
        // Created out of order on purpose: the read-back sorts by step number.
        service.Create(new Entity("task") { ["subject"] = "Qualify", ["regardingobjectid"] = lead, ["mpl_nurtureenrollmentid"] = enrolment, ["mpl_nurturestepnumber"] = 2, ["scheduledend"] = due.AddDays(14) });
        service.Create(new Entity("phonecall") { ["subject"] = "Call", ["regardingobjectid"] = lead, ["mpl_nurtureenrollmentid"] = enrolment, ["mpl_nurturestepnumber"] = 1, ["scheduledend"] = due });
        tracing.Trace("stand-in nurture: 2 steps");
    }
}
