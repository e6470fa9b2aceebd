using System;
using LeadPlugins.Plugins.Execution;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins
{
    /// <summary>
    /// A new opportunity with an originating lead (QualifyLead) inherits the lead's marketplace attribution: storefront,
    /// campaign type, offer, funnel stage, score and source campaign, where the opportunity has none. PreOperation,
    /// synchronous: the values travel with the Create, no extra write. Never blocks the save: a problem is traced and the
    /// opportunity is created without attribution. Work: <see cref="MarketplaceAttributionService"/>.
    /// </summary>
    [PluginStep("Create", OpportunityTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Name = "LeadPlugins: carry marketplace attribution into the opportunity (Create of opportunity)",
        Description = "Copies storefront, campaign type, offer, funnel stage, score and campaign from the originating lead.")]
    public sealed class CarryMarketplaceAttribution : PluginBase
    {
        public CarryMarketplaceAttribution(string? unsecureConfiguration, string? secureConfiguration)
            : base(typeof(CarryMarketplaceAttribution), unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext context)
        {
            try
            {
                new MarketplaceAttributionService(context.PluginUserService, context.TracingService).Apply(context.GetTargets());
            }
            catch (Exception e)
            {
                // Attribution is reporting data: the opportunity (and the qualify that creates it) must still save.
                context.Trace("Marketplace attribution skipped: " + e.GetType().Name + ": " + e.Message);
            }
        }
    }
}
