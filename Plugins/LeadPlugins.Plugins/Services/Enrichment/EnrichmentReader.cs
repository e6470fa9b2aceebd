using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using LeadPlugins.Plugins.Domain.Enrichment;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>
    /// The four reads of one enrichment batch (storefront settings, offers, routing rules, open leads), one
    /// RetrieveMultiple each. A failed read is remembered in <see cref="Failures"/> for the leads that needed it and
    /// noted; it never throws. A row that cannot be mapped is skipped with a note.
    /// </summary>
    internal sealed class EnrichmentReader
    {
        private readonly IOrganizationService _service;
        private readonly Action<string> _note;
        private readonly ReadFailures _failures = new ReadFailures();

        internal EnrichmentReader(IOrganizationService service, Action<string> note)
        {
            _service = service;
            _note = note;
        }

        /// <summary>What could not be read, for the leads that needed it.</summary>
        internal ReadFailures Failures => _failures;

        /// <summary>RetrieveMultiple calls made so far.</summary>
        internal int QueryCount { get; private set; }

        /// <summary>
        /// The batch's reference data: the built-in tables (with the step's settings) when no lead is from the
        /// marketplace, else storefront settings, offers (when a lead names one), routing rules and the open leads with
        /// the batch's e-mails (when one has an address), in that order.
        /// </summary>
        internal EnrichmentReferenceData ReadReferenceData(EnrichmentLookupKeys keys, EnrichmentSettings settings, out IReadOnlyList<OpenLead>? openLeads)
        {
            openLeads = null;
            if (keys.MarketplaceLeadCount == 0)
                return settings != EnrichmentSettings.Default ? new EnrichmentReferenceData(settings, null, null, null) : EnrichmentReferenceData.Default;
            var storefronts = ReadStorefrontSettings();
            var offers = keys.NeedsOffers ? ReadOffers(keys) : null;
            var rules = ReadRoutingRules();
            openLeads = keys.NeedsDuplicates ? ReadOpenLeads(keys) : null;
            return new EnrichmentReferenceData(settings, storefronts, offers, rules);
        }

        private IReadOnlyList<StorefrontSetting>? ReadStorefrontSettings()
        {
            var rows = Read(EnrichmentQueries.StorefrontSettings(), "storefront settings", ref _failures.StorefrontSettings);
            if (rows == null) return null;
            var settings = new List<StorefrontSetting>(rows.Count);
            foreach (var row in rows)
            {
                var setting = Map(row, "storefront setting", r =>
                {
                    string? note;
                    var mapped = EnrichmentQueries.ToStorefrontSetting(r, out note);
                    if (note != null) Note(note);
                    return mapped;
                });
                if (setting != null) settings.Add(setting);
            }
            return settings;
        }

        private IReadOnlyList<OfferEntry>? ReadOffers(EnrichmentLookupKeys keys)
        {
            if (keys.OfferIds.Count > EnrichmentQueries.MaxInValues || keys.OfferTitles.Count > EnrichmentQueries.MaxInValues)
            {
                Note("More than " + Number(EnrichmentQueries.MaxInValues) + " distinct offers: only the first were looked up.");
            }
            var rows = Read(EnrichmentQueries.Offers(keys.OfferIds, keys.OfferTitles), "offer catalogue", ref _failures.Offers);
            if (rows == null) return null;
            var offers = new List<OfferEntry>(rows.Count);
            foreach (var row in rows)
            {
                var offer = Map(row, "offer", EnrichmentQueries.ToOffer);
                if (offer != null) offers.Add(offer);
            }
            return offers;
        }

        private IReadOnlyList<RoutingRule>? ReadRoutingRules()
        {
            var rows = Read(EnrichmentQueries.RoutingRules(), "routing rules", ref _failures.RoutingRules);
            if (rows == null) return null;
            var rules = new List<RoutingRule>(rows.Count);
            foreach (var row in rows)
            {
                var rule = Map(row, "routing rule", EnrichmentQueries.ToRoutingRule);
                if (rule != null) rules.Add(rule);
            }
            return rules;
        }

        private IReadOnlyList<OpenLead>? ReadOpenLeads(EnrichmentLookupKeys keys)
        {
            if (keys.Emails.Count > EnrichmentQueries.MaxInValues)
            {
                _failures.UncheckedEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (int i = EnrichmentQueries.MaxInValues; i < keys.Emails.Count; i++) _failures.UncheckedEmails.Add(keys.Emails[i]);
                Note(Number(keys.Emails.Count - EnrichmentQueries.MaxInValues) + " e-mail addresses beyond the first "
                    + Number(EnrichmentQueries.MaxInValues) + " were not checked against open leads.");
            }
            var rows = Read(EnrichmentQueries.OpenLeads(keys.Emails), "open leads", ref _failures.OpenLeads);
            if (rows == null) return null;
            var open = new List<OpenLead>(rows.Count);
            foreach (var row in rows)
            {
                var lead = Map(row, "open lead", EnrichmentQueries.ToOpenLead);
                if (lead != null) open.Add(lead);
            }
            return open;
        }

        /// <summary>One row to its domain object; a row that cannot be read is skipped with a note, never the batch.</summary>
        private T? Map<T>(Entity row, string what, Func<Entity, T?> map) where T : class
        {
            try
            {
                return map(row);
            }
            catch (Exception e)
            {
                Note("The " + what + " row " + row.Id.ToString("D") + " could not be read (" + Describe(e) + ") and was ignored.");
                return null;
            }
        }

        /// <summary>One RetrieveMultiple; a failure of any kind is remembered for the leads that needed the rows.</summary>
        private DataCollection<Entity>? Read(QueryExpression query, string concern, ref string? failure)
        {
            QueryCount++;
            try
            {
                var result = _service.RetrieveMultiple(query);
                if (result == null) throw new InvalidOperationException("RetrieveMultiple returned nothing.");
                if (result.MoreRecords) Note("More " + concern + " than one page (" + Number(result.Entities.Count) + " rows): the rest were not read.");
                return result.Entities;
            }
            catch (Exception e)
            {
                failure = Describe(e);
                Note("Reading " + concern + " failed: " + failure + ". Defaults used for the leads that needed them.");
                return null;
            }
        }

        private void Note(string note) => _note(note);

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>An exception as one line for a note or message (a fault with its code).</summary>
        internal static string Describe(Exception e)
        {
            var fault = e as FaultException<OrganizationServiceFault>;
            string text = fault != null && fault.Detail != null
                ? "OrganizationServiceFault " + Number(fault.Detail.ErrorCode) + ": " + (fault.Detail.Message ?? fault.Message)
                : e.GetType().Name + ": " + e.Message;
            return ColumnText.Truncate(text.Replace("\r", " ").Replace("\n", " ").Trim().TrimEnd('.'), 500)!;
        }
    }
}
