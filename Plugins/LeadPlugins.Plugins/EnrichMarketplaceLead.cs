using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Execution;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins
{
    /// <summary>
    /// Recognises, classifies, scores, routes and pairs marketplace leads in the same save (PreOperation: the Target is
    /// changed in place, nothing is written). Shipped on Create; the same code serves a CreateMultiple registration
    /// (Targets), which bulk-heavy organisations may use instead (never both). Never fails the save.
    /// </summary>
    [PluginStep("Create", LeadTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Name = "LeadPlugins: enrich marketplace lead (Create of lead, PreOperation)",
        Description = "Sets storefront, campaign, offer, score, owner and duplicate of marketplace leads. Unsecure configuration: optional JSON, empty = defaults (README: enrichment).")]
    public sealed class EnrichMarketplaceLead : PluginBase
    {
        private readonly EnrichmentSettings _settings;

        public EnrichMarketplaceLead(string? unsecureConfiguration, string? secureConfiguration)
            : base(typeof(EnrichMarketplaceLead), unsecureConfiguration, secureConfiguration)
        {
            // Parse never throws: bad configuration keeps the defaults and lists its problems (traced on every run).
            _settings = EnrichmentSettings.Parse(unsecureConfiguration);
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext context)
        {
            IReadOnlyList<Entity> targets = Array.Empty<Entity>();
            try
            {
                targets = context.GetTargets();
                if (targets.Count == 0)
                {
                    context.Trace("No Target or Targets: nothing to enrich.");
                    return;
                }
                var execution = context.PluginExecutionContext;
                // SYSTEM reads: the Lead Writer's security role may only write leads, and a privilege fault inside this
                // synchronous step would roll back the marketplace's Create. Only reads happen, of configuration and open leads.
                var service = new LeadEnrichmentService(context.SystemUserService, context.TracingService, _settings);
                var batch = service.EnrichInPlace(AsList(targets), new LeadEnrichmentOptions
                {
                    CreatingUserId = execution.InitiatingUserId,
                    NowUtc = execution.OperationCreatedOn == default(DateTime) ? (DateTime?)null : execution.OperationCreatedOn,
                });
                context.Trace($"Enriched {targets.Count} lead(s) with {batch.QueryCount} query(ies).");
            }
            catch (Exception e)
            {
                // The service already isolates failures; this is the last guard so the marketplace's lead is never lost.
                context.Trace("Enrichment aborted: " + e.GetType().Name + ": " + e.Message);
                MarkFailed(targets, e);
            }
        }

        private static IList<Entity> AsList(IReadOnlyList<Entity> targets)
        {
            var list = targets as IList<Entity>;
            if (list != null) return list;
            var copy = new List<Entity>(targets.Count);
            for (int i = 0; i < targets.Count; i++) copy.Add(targets[i]);
            return copy;
        }

        private static void MarkFailed(IReadOnlyList<Entity> targets, Exception e)
        {
            try
            {
                var message = ColumnText.Truncate("Enrichment failed: " + e.GetType().Name + ": " + e.Message + ". The lead was saved without enrichment.",
                    LeadTable.MaxLength.EnrichmentMessage);
                for (int i = 0; i < targets.Count; i++)
                {
                    if (targets[i] == null) continue;
                    targets[i][LeadTable.Columns.EnrichmentStatus] = new OptionSetValue((int)EnrichmentStatus.Failed);
                    targets[i][LeadTable.Columns.EnrichmentMessage] = message;
                }
            }
            catch (Exception)
            {
                // Nothing more can be done without risking the save.
            }
        }
    }
}
