using System.Activities;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Workflow;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadPlugins.Workflows
{
    /// <summary>Scores a stored lead as enrichment does; writes nothing.</summary>
    [WorkflowActivity(LeadWorkflowActivityNames.Score,
        Description = "Scores a marketplace lead 0-100 with the enrichment rules and returns the score, the rating (Hot, Warm, Cold) and one explanation line per contribution. Changes nothing.")]
    public sealed class ScoreLead : LeadWorkflowActivity
    {
        [Input("Lead")]
        [ReferenceTarget("lead")]
        [RequiredArgument]
        public InArgument<EntityReference> Lead { get; set; } = null!;

        [Output("Score")]
        public OutArgument<int> Score { get; set; } = null!;

        [Output("Rating")]
        [AttributeTarget("lead", "leadqualitycode")]
        public OutArgument<OptionSetValue?> Rating { get; set; } = null!;

        [Output("Score explanation")]
        public OutArgument<string> Explanation { get; set; } = null!;

        [Output("Is scored")]
        public OutArgument<bool> IsScored { get; set; } = null!;

        protected override void Execute(CodeActivityContext context, LeadWorkflowService leads)
        {
            var result = leads.Score(Lead.Get(context));
            Score.Set(context, result.Score);
            Rating.Set(context, result.Rating);
            Explanation.Set(context, result.Explanation);
            IsScored.Set(context, result.Scored);
        }
    }
}
