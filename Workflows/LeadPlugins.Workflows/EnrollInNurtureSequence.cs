using System.Activities;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Workflow;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadPlugins.Workflows
{
    /// <summary>Enrols a lead in a nurture sequence (idempotent: a lead that has an enrolment gets it back).</summary>
    [WorkflowActivity(LeadWorkflowActivityNames.Enroll,
        Description = "Enrols a marketplace lead in the matching nurture sequence, or in the one given, and schedules its tasks, phone calls and draft e-mails. Running it again returns the existing enrolment and creates nothing.")]
    public sealed class EnrollInNurtureSequence : LeadWorkflowActivity
    {
        [Input("Lead")]
        [ReferenceTarget("lead")]
        [RequiredArgument]
        public InArgument<EntityReference> Lead { get; set; } = null!;

        [Input("Nurture sequence")]
        [ReferenceTarget(NurtureSequenceTable.LogicalName)]
        public InArgument<EntityReference> Sequence { get; set; } = null!;

        [Output("Enrolment")]
        [ReferenceTarget(NurtureEnrollmentTable.LogicalName)]
        public OutArgument<EntityReference?> Enrollment { get; set; } = null!;

        [Output("Steps scheduled")]
        public OutArgument<int> StepsScheduled { get; set; } = null!;

        [Output("Result")]
        public OutArgument<string> Result { get; set; } = null!;

        [Output("Reason")]
        public OutArgument<string> Reason { get; set; } = null!;

        protected override void Execute(CodeActivityContext context, LeadWorkflowService leads)
        {
            var result = leads.Enroll(Lead.Get(context), Sequence.Get(context));
            Enrollment.Set(context, result.Enrollment);
            StepsScheduled.Set(context, result.StepsScheduled);
            Result.Set(context, result.Result);
            Reason.Set(context, result.Reason);
        }
    }
}
