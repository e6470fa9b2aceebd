using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>Outcome of routing. Immutable.</summary>
    public sealed class RoutingDecision
    {
        public static readonly RoutingDecision Unchanged = new RoutingDecision(null, OwnerSource.Unchanged, null);

        internal RoutingDecision(OwnerReference? owner, OwnerSource source, RoutingRule? rule)
        {
            Owner = owner;
            Source = source;
            Rule = rule;
        }

        /// <summary>The new owner, or null to leave the owner unchanged.</summary>
        public OwnerReference? Owner { get; }
        public OwnerSource Source { get; }
        /// <summary>The matching rule when <see cref="Source"/> is <see cref="OwnerSource.RoutingRule"/>.</summary>
        public RoutingRule? Rule { get; }

        /// <summary>For traces: "routing rule 'EMEA AppSource' (order 10)", "offer owner", ...</summary>
        public string Describe()
        {
            switch (Source)
            {
                case OwnerSource.RoutingRule:
                    return "routing rule '" + Rule!.Name + "' (order " + Rule.Order.ToString(System.Globalization.CultureInfo.InvariantCulture) + ") -> " + Owner;
                case OwnerSource.Offer: return "offer catalogue owner -> " + Owner;
                case OwnerSource.StorefrontDefault: return "storefront default owner -> " + Owner;
                default: return "no rule, offer or storefront owner: owner unchanged";
            }
        }
    }
}
