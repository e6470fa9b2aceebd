using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>Per-call inputs of <see cref="LeadEnrichmentService"/> that come from the caller's context.</summary>
    public sealed class LeadEnrichmentOptions
    {
        /// <summary>
        /// The user creating the leads (a plug-in's InitiatingUserId). Matched against the marketplaceWriterUserIds
        /// setting, and the owner the platform defaults to: routing replaces ownerid only while it is this user
        /// (or the lead's createdby), never an owner the writer chose.
        /// </summary>
        public Guid? CreatingUserId { get; set; }

        /// <summary>Written to mpl_enrichedon (UTC). Default: DateTime.UtcNow. A plug-in passes the operation's time.</summary>
        public DateTime? NowUtc { get; set; }
    }
}
