using System.Activities;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Workflow;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadPlugins.Workflows
{
    /// <summary>Stops a lead's Active nurture enrolment and cancels its open step activities.</summary>
    [WorkflowActivity(LeadWorkflowActivityNames.Stop,
        Description = "Stops the lead's active nurture enrolment with the reason given and cancels its open tasks, phone calls and draft e-mails. Completed activities stay as they are.")]
    public sealed class StopNurture : LeadWorkflowActivity
    {
        [Input("Lead")]
        [ReferenceTarget("lead")]
        [RequiredArgument]
        public InArgument<EntityReference> Lead { get; set; } = null!;

        [Input("Reason")]
        [Default(LeadWorkflowService.DefaultStopReason)]
        public InArgument<string> Reason { get; set; } = null!;

        [Output("Activities cancelled")]
        public OutArgument<int> ActivitiesCanceled { get; set; } = null!;

        [Output("Stopped")]
        public OutArgument<bool> Stopped { get; set; } = null!;

        protected override void Execute(CodeActivityContext context, LeadWorkflowService leads)
        {
            var result = leads.Stop(Lead.Get(context), Reason.Get(context));
            ActivitiesCanceled.Set(context, result.ActivitiesCanceled);
            Stopped.Set(context, result.Stopped);
        }
    }
}
