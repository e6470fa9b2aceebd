using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>What happened to one lead of a batch. Immutable once returned.</summary>
    public sealed class LeadEnrichmentOutcome
    {
        internal LeadEnrichmentOutcome(int index, Guid? leadId, EnrichmentStatus status, string? message, EnrichmentResult? result,
            Entity changes, string summary, string? error)
        {
            Index = index;
            LeadId = leadId;
            Status = status;
            Message = message;
            Result = result;
            Changes = changes;
            Summary = summary;
            Error = error;
        }

        /// <summary>Position in the batch.</summary>
        public int Index { get; }
        /// <summary>The lead's id, when it had one.</summary>
        public Guid? LeadId { get; }
        /// <summary>mpl_enrichmentstatus as written (Partial when a configuration read failed, Failed when this lead failed).</summary>
        public EnrichmentStatus Status { get; }
        /// <summary>mpl_enrichmentmessage as written (null for NotMarketplace: nothing but the status is written).</summary>
        public string? Message { get; }
        /// <summary>The domain result (classification, score, routing, duplicate); null when the lead failed.</summary>
        public EnrichmentResult? Result { get; }
        /// <summary>
        /// The columns enrichment sets, as a "lead" entity with the lead's id: already copied onto the lead by
        /// <see cref="LeadEnrichmentService.EnrichInPlace"/>, ready for an Update after <see cref="LeadEnrichmentService.Evaluate"/>.
        /// </summary>
        public Entity Changes { get; }
        /// <summary>The owner enrichment sets (ownerid in <see cref="Changes"/>), or null when the owner stays.</summary>
        public EntityReference? Owner => Changes.GetAttributeValue<EntityReference>(LeadTable.Columns.OwnerId);
        /// <summary>The lead this one duplicates (mpl_duplicateof in <see cref="Changes"/>), or null.</summary>
        public EntityReference? DuplicateOf => Changes.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf);
        /// <summary>One trace line: status, storefront and action, offer, score, owner, duplicate.</summary>
        public string Summary { get; }
        /// <summary>Why the lead failed (exception type and message), or null.</summary>
        public string? Error { get; }
    }
}
