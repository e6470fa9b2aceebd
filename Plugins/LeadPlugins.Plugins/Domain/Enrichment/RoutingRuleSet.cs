using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The routing rules of a batch, sorted once (by order, then by position given). Owner precedence: the first
    /// matching rule, then the offer catalogue's owner, then the storefront's default owner, then unchanged.
    /// </summary>
    public sealed class RoutingRuleSet
    {
        public static readonly RoutingRuleSet Empty = new RoutingRuleSet(null);

        private readonly RoutingRule[] _rules;

        public RoutingRuleSet(IEnumerable<RoutingRule>? rules)
        {
            var list = new List<RoutingRule>();
            if (rules != null)
            {
                foreach (var rule in rules)
                {
                    if (rule != null) list.Add(rule);
                }
            }
            var ordered = list.ToArray();
            var positions = new int[ordered.Length];
            for (int i = 0; i < positions.Length; i++) positions[i] = i;
            // Array.Sort is not stable: sort positions by (order, position).
            Array.Sort(positions, (a, b) =>
            {
                int byOrder = ordered[a].Order.CompareTo(ordered[b].Order);
                return byOrder != 0 ? byOrder : a.CompareTo(b);
            });
            _rules = new RoutingRule[ordered.Length];
            for (int i = 0; i < positions.Length; i++) _rules[i] = ordered[positions[i]];
        }

        /// <summary>The rules in evaluation order.</summary>
        public IReadOnlyList<RoutingRule> Rules => _rules;

        public RoutingDecision Route(in RoutingInput lead, OwnerReference? offerOwner, OwnerReference? storefrontDefaultOwner)
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                if (_rules[i].Matches(lead)) return new RoutingDecision(_rules[i].Owner, OwnerSource.RoutingRule, _rules[i]);
            }
            if (offerOwner != null) return new RoutingDecision(offerOwner, OwnerSource.Offer, null);
            if (storefrontDefaultOwner != null) return new RoutingDecision(storefrontDefaultOwner, OwnerSource.StorefrontDefault, null);
            return RoutingDecision.Unchanged;
        }
    }
}
