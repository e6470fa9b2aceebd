using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
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
        lead[LeadTable.Columns.IsMarketplace] = true;
        lead[LeadTable.Columns.Storefront] = new OptionSetValue(StandIns.AppSource);
        lead[LeadTable.Columns.LeadAction] = new OptionSetValue(StandIns.ContactMe);
        lead[LeadTable.Columns.EnrichmentStatus] = new OptionSetValue(StandIns.Enriched);
        lead[LeadTable.Columns.LeadScore] = 75;
        lead["leadqualitycode"] = new OptionSetValue(StandIns.Hot);
        tracing.Trace("stand-in enrichment: score 75");

        var settings = service.RetrieveMultiple(new QueryExpression(StorefrontSettingTable.LogicalName) { ColumnSet = new ColumnSet(StorefrontSettingTable.Columns.CampaignId, StorefrontSettingTable.Columns.DefaultUserId) });
        if (settings.Entities.FirstOrDefault() is { } setting)
        {
            if (setting.GetAttributeValue<EntityReference>(StorefrontSettingTable.Columns.CampaignId) is { } campaign) lead["campaignid"] = campaign;
            if (setting.GetAttributeValue<EntityReference>(StorefrontSettingTable.Columns.DefaultUserId) is { } owner) lead["ownerid"] = owner;
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
            lead[LeadTable.Columns.DuplicateOf] = original.ToEntityReference();
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
        var enrolmentId = service.Create(new Entity(NurtureEnrollmentTable.LogicalName)
        {
            [NurtureEnrollmentTable.Columns.Name] = "Stand-in sequence",
            [NurtureEnrollmentTable.Columns.LeadId] = lead,
            [NurtureEnrollmentTable.Columns.SequenceName] = "Stand-in sequence",
            [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue(712540000),
        });
        var enrolment = new EntityReference(NurtureEnrollmentTable.LogicalName, enrolmentId);
        var due = context.OperationCreatedOn.Date.AddDays(1).AddHours(17);
        // Created out of order on purpose: the read-back sorts by step number.
        service.Create(new Entity("task") { ["subject"] = "Qualify", ["regardingobjectid"] = lead, [TaskTable.Columns.NurtureEnrollmentId] = enrolment, [TaskTable.Columns.NurtureStepNumber] = 2, ["scheduledend"] = due.AddDays(14) });
        service.Create(new Entity("phonecall") { ["subject"] = "Call", ["regardingobjectid"] = lead, [PhoneCallTable.Columns.NurtureEnrollmentId] = enrolment, [PhoneCallTable.Columns.NurtureStepNumber] = 1, ["scheduledend"] = due });
        tracing.Trace("stand-in nurture: 2 steps");
    }
}

/// <summary>PostOperation, sync: a lead whose last name starts with "Close" disqualifies the lead it duplicates (SetState).</summary>
public sealed class CloseDuplicatedLead : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);
        var lead = (Entity)context.InputParameters["Target"];
        if (lead.GetAttributeValue<string>("lastname")?.StartsWith("Close", StringComparison.Ordinal) != true) return;
        if (lead.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf) is not { } original) return;
        service.Execute(new Microsoft.Crm.Sdk.Messages.SetStateRequest
        {
            EntityMoniker = original,
            State = new OptionSetValue(2), // Disqualified
            Status = new OptionSetValue(6), // No Longer Interested
        });
    }
}
