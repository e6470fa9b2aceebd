using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Services;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>
    /// The (at most four) reads of a batch, one per concern: storefront settings with their campaign's state, offers by
    /// id or title, active routing rules, open leads with the batch's e-mails. Plain QueryExpressions with explicit
    /// columns that exist in Solution/src (a failed read inside a synchronous step dooms the transaction on the
    /// server, so they stay simple). Rows are mapped leniently: an unknown option value reads as empty.
    /// </summary>
    public static class EnrichmentQueries
    {
        /// <summary>Values per In condition; beyond it the rest of the batch goes unchecked (and says so).</summary>
        public const int MaxInValues = 2000;

        public const string StorefrontSettingTable = "mpl_storefrontsetting";
        public const string OfferTable = "mpl_offer";
        public const string RoutingRuleTable = "mpl_routingrule";
        public const string LeadTable = "lead";
        /// <summary>mpl_offer's offer id text column ("mpl_offerid" is that table's primary key).</summary>
        public const string OfferIdColumn = "mpl_marketplaceofferid";
        private const string CampaignAlias = "campaign";
        private const int Active = 0;

        /// <summary>Active storefront settings, oldest first (the first row per storefront wins), with their campaign's statecode.</summary>
        public static QueryExpression StorefrontSettings()
        {
            var query = new QueryExpression(StorefrontSettingTable)
            {
                ColumnSet = new ColumnSet("mpl_name", "mpl_storefront", "mpl_audience", "mpl_campaigntype", "mpl_listingtype", "mpl_trackedin",
                    "mpl_campaignid", "mpl_defaultuserid", "mpl_defaultteamid"),
            };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, Active);
            // Outer join: a setting without a campaign still counts; an inactive campaign is dropped after the read.
            var campaign = query.AddLink("campaign", "mpl_campaignid", "campaignid", JoinOperator.LeftOuter);
            campaign.EntityAlias = CampaignAlias;
            campaign.Columns = new ColumnSet("statecode");
            query.AddOrder("createdon", OrderType.Ascending);
            query.AddOrder("mpl_storefrontsettingid", OrderType.Ascending);
            return query;
        }

        /// <summary>Active catalogue rows whose offer id or title is one of the batch's.</summary>
        public static QueryExpression Offers(IReadOnlyList<string> offerIds, IReadOnlyList<string> titles)
        {
            var query = new QueryExpression(OfferTable)
            {
                ColumnSet = new ColumnSet("mpl_name", OfferIdColumn, "mpl_publisherid", "mpl_storefront", "mpl_listingtype", "mpl_productname",
                    "mpl_owneruserid", "mpl_ownerteamid", "mpl_nurturesequenceid"),
            };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, Active);
            var keys = new FilterExpression(LogicalOperator.Or);
            if (offerIds.Count > 0) keys.AddCondition(OfferIdColumn, ConditionOperator.In, Values(offerIds));
            if (titles.Count > 0) keys.AddCondition("mpl_name", ConditionOperator.In, Values(titles));
            query.Criteria.AddFilter(keys);
            query.AddOrder("createdon", OrderType.Ascending);
            query.AddOrder("mpl_offerid", OrderType.Ascending); // the primary key: a stable tie-break
            return query;
        }

        /// <summary>Active routing rules by order (ties: oldest first).</summary>
        public static QueryExpression RoutingRules()
        {
            var query = new QueryExpression(RoutingRuleTable)
            {
                ColumnSet = new ColumnSet("mpl_name", "mpl_order", "mpl_storefront", "mpl_campaigntype", "mpl_leadaction", "mpl_countrycodes",
                    "mpl_offerid", "mpl_minimumscore", "mpl_assignuserid", "mpl_assignteamid"),
            };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, Active);
            query.AddOrder("mpl_order", OrderType.Ascending);
            query.AddOrder("createdon", OrderType.Ascending);
            return query;
        }

        /// <summary>Open leads with one of the e-mails, oldest first (so the first page holds each address's oldest lead).</summary>
        public static QueryExpression OpenLeads(IReadOnlyList<string> emails)
        {
            var query = new QueryExpression(LeadTable)
            {
                ColumnSet = new ColumnSet("emailaddress1", "createdon", "mpl_leadaction"),
            };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, Active);
            query.Criteria.AddCondition("emailaddress1", ConditionOperator.In, Values(emails));
            query.AddOrder("createdon", OrderType.Ascending);
            query.AddOrder("leadid", OrderType.Ascending);
            return query;
        }

        // ---------- rows to domain objects ----------

        /// <summary>A setting row; its campaign only when the linked campaign is active.</summary>
        public static StorefrontSetting? ToStorefrontSetting(Entity row, out string? note)
        {
            note = null;
            var storefront = Choice<Storefront>(row, "mpl_storefront");
            if (!storefront.HasValue)
            {
                note = "Storefront setting '" + Name(row) + "' has no known storefront and was ignored.";
                return null;
            }
            var campaign = row.GetAttributeValue<EntityReference>("mpl_campaignid");
            Guid? campaignId = null;
            if (campaign != null)
            {
                var state = DataverseValues.Raw(row, CampaignAlias + ".statecode") as OptionSetValue;
                if (state != null && state.Value == Active) campaignId = campaign.Id;
                else note = "Storefront setting '" + Name(row) + "': campaign " + campaign.Id.ToString("D") + " is not active and was not used.";
            }
            return new StorefrontSetting(storefront.Value,
                Choice<Audience>(row, "mpl_audience"), Choice<CampaignType>(row, "mpl_campaigntype"), Choice<ListingType>(row, "mpl_listingtype"),
                Choice<TrackedIn>(row, "mpl_trackedin"), campaignId,
                OwnerReference.From(DataverseValues.ReferenceId(row, "mpl_defaultuserid"), DataverseValues.ReferenceId(row, "mpl_defaultteamid")), Name(row));
        }

        public static OfferEntry ToOffer(Entity row) =>
            new OfferEntry(row.GetAttributeValue<string>(OfferIdColumn), row.GetAttributeValue<string>("mpl_name"),
                row.GetAttributeValue<string>("mpl_publisherid"), Choice<Storefront>(row, "mpl_storefront"), Choice<ListingType>(row, "mpl_listingtype"),
                row.GetAttributeValue<string>("mpl_productname"),
                OwnerReference.From(DataverseValues.ReferenceId(row, "mpl_owneruserid"), DataverseValues.ReferenceId(row, "mpl_ownerteamid")),
                DataverseValues.ReferenceId(row, "mpl_nurturesequenceid"), row.Id);

        public static RoutingRule ToRoutingRule(Entity row) =>
            new RoutingRule(row.GetAttributeValue<string>("mpl_name"), row.GetAttributeValue<int?>("mpl_order") ?? int.MaxValue,
                Choice<Storefront>(row, "mpl_storefront"), Choice<CampaignType>(row, "mpl_campaigntype"), Choice<LeadAction>(row, "mpl_leadaction"),
                row.GetAttributeValue<string>("mpl_countrycodes"), row.GetAttributeValue<string>("mpl_offerid"),
                row.GetAttributeValue<int?>("mpl_minimumscore"), DataverseValues.ReferenceId(row, "mpl_assignuserid"), DataverseValues.ReferenceId(row, "mpl_assignteamid"), row.Id);

        public static OpenLead ToOpenLead(Entity row) =>
            new OpenLead(row.Id, row.GetAttributeValue<string>("emailaddress1"), row.GetAttributeValue<DateTime?>("createdon") ?? DateTime.MaxValue,
                Choice<LeadAction>(row, "mpl_leadaction"));

        private static object[] Values(IReadOnlyList<string> values)
        {
            var array = new object[Math.Min(values.Count, MaxInValues)];
            for (int i = 0; i < array.Length; i++) array[i] = values[i];
            return array;
        }

        private static string Name(Entity row) => row.GetAttributeValue<string>("mpl_name") ?? row.Id.ToString("D");

        // An option value the package does not know (added by an admin) reads as empty, like a blank column.
        private static T? Choice<T>(Entity row, string column) where T : struct
        {
            var option = row.GetAttributeValue<OptionSetValue>(column);
            if (option == null || !Enum.IsDefined(typeof(T), option.Value)) return null;
            return (T)Enum.ToObject(typeof(T), option.Value);
        }
    }
}
