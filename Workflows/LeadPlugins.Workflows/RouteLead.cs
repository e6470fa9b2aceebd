using System.Activities;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Workflow;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadPlugins.Workflows
{
    /// <summary>Finds the routed owner of a lead and, when asked, makes it the owner (Update of ownerid).</summary>
    [WorkflowActivity(LeadWorkflowActivityNames.Route,
        Description = "Finds the owner the routing rules, offer catalogue or storefront settings give a marketplace lead (a user or a team). With 'Assign now' the lead is assigned to that owner.")]
    public sealed class RouteLead : LeadWorkflowActivity
    {
        [Input("Lead")]
        [ReferenceTarget("lead")]
        [RequiredArgument]
        public InArgument<EntityReference> Lead { get; set; } = null!;

        [Input("Assign now")]
        [Default("False")]
        public InArgument<bool> AssignNow { get; set; } = null!;

        // Classic workflows need one reference target per output, so the owner comes as a user or a team output.
        [Output("Owner user")]
        [ReferenceTarget("systemuser")]
        public OutArgument<EntityReference?> OwnerUser { get; set; } = null!;

        [Output("Owner team")]
        [ReferenceTarget("team")]
        public OutArgument<EntityReference?> OwnerTeam { get; set; } = null!;

        [Output("Owner changed")]
        public OutArgument<bool> OwnerChanged { get; set; } = null!;

        [Output("Routing explanation")]
        public OutArgument<string> Explanation { get; set; } = null!;

        protected override void Execute(CodeActivityContext context, LeadWorkflowService leads)
        {
            var result = leads.Route(Lead.Get(context), AssignNow.Get(context));
            OwnerUser.Set(context, result.OwnerUser);
            OwnerTeam.Set(context, result.OwnerTeam);
            OwnerChanged.Set(context, result.OwnerChanged);
            Explanation.Set(context, result.Explanation);
        }
    }
}
