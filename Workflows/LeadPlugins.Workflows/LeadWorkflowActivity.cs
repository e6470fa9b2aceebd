using System.Activities;
using LeadPlugins.Plugins.Services.Workflow;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadPlugins.Workflows
{
    /// <summary>
    /// Base of the package's custom workflow activities: takes the workflow context, the organization service factory
    /// and the tracing service from the activity context, creates the service for the workflow's user
    /// (<see cref="IExecutionContext.UserId"/>: the owner of a background workflow, or the caller of a real-time one run
    /// as the calling user) and hands a <see cref="LeadWorkflowService"/> to the activity. Stateless: the runtime shares
    /// one instance between runs.
    /// </summary>
    public abstract class LeadWorkflowActivity : CodeActivity
    {
        protected sealed override void Execute(CodeActivityContext executionContext)
        {
            if (executionContext == null) throw new InvalidPluginExecutionException(GetType().Name + ": no activity context.");
            var context = executionContext.GetExtension<IWorkflowContext>();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
            var tracing = executionContext.GetExtension<ITracingService>();
            if (context == null || factory == null || tracing == null)
                throw new InvalidPluginExecutionException(GetType().Name + ": the workflow context, organization service factory or tracing service is missing.");

            tracing.Trace("{0}: started for {1} {2} (user {3}, workflow mode {4}, depth {5}).", GetType().Name,
                context.PrimaryEntityName, context.PrimaryEntityId, context.UserId, context.WorkflowMode, context.Depth);
            var service = factory.CreateOrganizationService(context.UserId);
            Execute(executionContext, new LeadWorkflowService(service, tracing));
        }

        /// <summary>Reads the inputs, makes ONE call to <paramref name="leads"/> and copies its outputs; nothing else.</summary>
        protected abstract void Execute(CodeActivityContext context, LeadWorkflowService leads);
    }
}
