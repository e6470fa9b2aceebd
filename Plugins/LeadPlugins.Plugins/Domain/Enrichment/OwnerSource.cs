using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>Where the owner came from.</summary>
    public enum OwnerSource
    {
        /// <summary>No owner: the creating user stays owner.</summary>
        Unchanged = 0,
        RoutingRule,
        Offer,
        StorefrontDefault,
    }
}
