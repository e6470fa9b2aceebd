using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Pairs each new marketplace lead (not test, not co-sell, with a valid e-mail) with the OLDEST open lead having
    /// the same e-mail (created on, then id, decide); without one, with the FIRST earlier lead of the batch having
    /// that e-mail, so three same-address leads give two pairs to the first, never a pair in both directions.
    /// Never merges or deletes anything.
    /// </summary>
    public static class DuplicateMatcher
    {
        /// <summary>
        /// One entry per batch lead (same index): its match, or null. <paramref name="createdOn"/> (same index, optional)
        /// is each lead's own createdon when it is already stored: an open lead created after it is never its original.
        /// </summary>
        public static DuplicateMatch?[] Match(IReadOnlyList<ParsedLead> batch, IEnumerable<OpenLead>? openLeads,
            IReadOnlyList<DateTime?>? createdOn = null)
        {
            if (batch == null) throw new ArgumentNullException(nameof(batch));
            var result = new DuplicateMatch?[batch.Count];
            if (batch.Count == 0) return result;

            Dictionary<string, List<OpenLead>>? oldestByEmail = null; // made for the first open lead
            if (openLeads != null)
            {
                foreach (var open in openLeads)
                {
                    if (open == null || open.Email == null) continue;
                    oldestByEmail ??= new Dictionary<string, List<OpenLead>>(StringComparer.Ordinal);
                    List<OpenLead>? list;
                    if (!oldestByEmail.TryGetValue(open.Email, out list))
                    {
                        list = new List<OpenLead>(1);
                        oldestByEmail.Add(open.Email, list);
                    }
                    list.Add(open);
                }
            }

            // Each e-mail's first lead in the batch, for the leads after it (none after the last: a batch of one has none).
            Dictionary<string, int>? firstInBatch = null;
            for (int i = 0; i < batch.Count; i++)
            {
                var lead = batch[i];
                if (!IsEligible(lead)) continue;
                string email = lead.Email.Address!;
                DateTime? leadCreatedOn = createdOn != null && i < createdOn.Count ? createdOn[i] : null;

                List<OpenLead>? candidates;
                OpenLead? oldest = null;
                if (oldestByEmail != null && oldestByEmail.TryGetValue(email, out candidates))
                {
                    for (int c = 0; c < candidates.Count; c++)
                    {
                        var candidate = candidates[c];
                        if (lead.LeadId.HasValue && candidate.Id == lead.LeadId.Value) continue; // never itself
                        if (leadCreatedOn.HasValue && candidate.CreatedOn > leadCreatedOn.Value) continue; // never a newer lead
                        if (oldest == null || candidate.CreatedOn < oldest.CreatedOn
                            || candidate.CreatedOn == oldest.CreatedOn && candidate.Id.CompareTo(oldest.Id) < 0)
                        {
                            oldest = candidate;
                        }
                    }
                }

                if (oldest != null)
                {
                    result[i] = new DuplicateMatch(oldest.Id, null, oldest.Action, MovedForward(oldest.Action, lead.Action));
                }
                else
                {
                    int first;
                    if (firstInBatch != null && firstInBatch.TryGetValue(email, out first))
                    {
                        var earlier = batch[first];
                        result[i] = new DuplicateMatch(null, first, earlier.Action, MovedForward(earlier.Action, lead.Action));
                    }
                }
                if (i + 1 < batch.Count)
                {
                    firstInBatch ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    if (!firstInBatch.ContainsKey(email)) firstInBatch.Add(email, i);
                }
            }
            return result;
        }

        /// <summary>True when <paramref name="later"/> is further along the journey than <paramref name="earlier"/>.</summary>
        public static bool MovedForward(LeadAction? earlier, LeadAction? later)
        {
            int from = LeadCodes.JourneyRank(earlier);
            return from > 0 && LeadCodes.JourneyRank(later) > from;
        }

        private static bool IsEligible(ParsedLead? lead) =>
            lead != null && lead.Kind == LeadKind.Marketplace && lead.Email.Address != null
            && (lead.Email.Status == EmailStatus.Business || lead.Email.Status == EmailStatus.FreeMail);
    }
}
