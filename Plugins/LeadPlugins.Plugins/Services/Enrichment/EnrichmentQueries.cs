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

        /// <summary>mpl_offer's offer id text column (mpl_offerid is that table's primary key).</summary>
        public const string OfferIdColumn = OfferTable.Columns.MarketplaceOfferId;
        private const string CampaignAlias = "campaign";
        private const int Active = 0;

        // The columns of each read. A ColumnSet copies the names it is given (the SDK's constructor adds them to its own
        // list), so one array serves every query instead of a params array per query.
        private static readonly string[] StorefrontSettingColumns =
        {
            StorefrontSettingTable.Columns.Name, StorefrontSettingTable.Columns.Storefront, StorefrontSettingTable.Columns.Audience, StorefrontSettingTable.Columns.CampaignType, StorefrontSettingTable.Columns.ListingType, StorefrontSettingTable.Columns.TrackedIn,
            StorefrontSettingTable.Columns.CampaignId, StorefrontSettingTable.Columns.DefaultUserId, StorefrontSettingTable.Columns.DefaultTeamId,
        };
        private static readonly string[] OfferColumns =
        {
            OfferTable.Columns.Name, OfferIdColumn, OfferTable.Columns.PublisherId, OfferTable.Columns.Storefront, OfferTable.Columns.ListingType, OfferTable.Columns.ProductName,
            OfferTable.Columns.OwnerUserId, OfferTable.Columns.OwnerTeamId, OfferTable.Columns.NurtureSequenceId,
        };
        private static readonly string[] RoutingRuleColumns =
        {
            RoutingRuleTable.Columns.Name, RoutingRuleTable.Columns.Order, RoutingRuleTable.Columns.Storefront, RoutingRuleTable.Columns.CampaignType, RoutingRuleTable.Columns.LeadAction, RoutingRuleTable.Columns.CountryCodes,
            RoutingRuleTable.Columns.OfferId, RoutingRuleTable.Columns.MinimumScore, RoutingRuleTable.Columns.AssignUserId, RoutingRuleTable.Columns.AssignTeamId,
        };
        private static readonly string[] OpenLeadColumns = { LeadTable.Columns.EmailAddress1, LeadTable.Columns.CreatedOn, LeadTable.Columns.LeadAction };

        /// <summary>Active storefront settings, oldest first (the first row per storefront wins), with their campaign's statecode.</summary>
        public static QueryExpression StorefrontSettings()
        {
            var query = new QueryExpression(StorefrontSettingTable.LogicalName)
            {
                ColumnSet = new ColumnSet(StorefrontSettingColumns),
            };
            query.Criteria.AddCondition(StorefrontSettingTable.Columns.StateCode, ConditionOperator.Equal, Active);
            // Outer join: a setting without a campaign still counts; an inactive campaign is dropped after the read.
            var campaign = query.AddLink("campaign", StorefrontSettingTable.Columns.CampaignId, "campaignid", JoinOperator.LeftOuter);
            campaign.EntityAlias = CampaignAlias;
            campaign.Columns = new ColumnSet("statecode");
            query.AddOrder(StorefrontSettingTable.Columns.CreatedOn, OrderType.Ascending);
            query.AddOrder(StorefrontSettingTable.Columns.StorefrontSettingId, OrderType.Ascending);
            return query;
        }

        /// <summary>Active catalogue rows whose offer id or title is one of the batch's.</summary>
        public static QueryExpression Offers(IReadOnlyList<string> offerIds, IReadOnlyList<string> titles)
        {
            var query = new QueryExpression(OfferTable.LogicalName)
            {
                ColumnSet = new ColumnSet(OfferColumns),
            };
            query.Criteria.AddCondition(OfferTable.Columns.StateCode, ConditionOperator.Equal, Active);
            var keys = new FilterExpression(LogicalOperator.Or);
            if (offerIds.Count > 0) keys.AddCondition(OfferIdColumn, ConditionOperator.In, Values(offerIds));
            if (titles.Count > 0) keys.AddCondition(OfferTable.Columns.Name, ConditionOperator.In, Values(titles));
            query.Criteria.AddFilter(keys);
            query.AddOrder(OfferTable.Columns.CreatedOn, OrderType.Ascending);
            query.AddOrder(OfferTable.Columns.OfferId, OrderType.Ascending); // the primary key: a stable tie-break
            return query;
        }

        /// <summary>Active routing rules by order (ties: oldest first).</summary>
        public static QueryExpression RoutingRules()
        {
            var query = new QueryExpression(RoutingRuleTable.LogicalName)
            {
                ColumnSet = new ColumnSet(RoutingRuleColumns),
            };
            query.Criteria.AddCondition(RoutingRuleTable.Columns.StateCode, ConditionOperator.Equal, Active);
            query.AddOrder(RoutingRuleTable.Columns.Order, OrderType.Ascending);
            query.AddOrder(RoutingRuleTable.Columns.CreatedOn, OrderType.Ascending);
            return query;
        }

        /// <summary>Open leads with one of the e-mails, oldest first (so the first page holds each address's oldest lead).</summary>
        public static QueryExpression OpenLeads(IReadOnlyList<string> emails)
        {
            var query = new QueryExpression(LeadTable.LogicalName)
            {
                ColumnSet = new ColumnSet(OpenLeadColumns),
            };
            query.Criteria.AddCondition(LeadTable.Columns.StateCode, ConditionOperator.Equal, Active);
            query.Criteria.AddCondition(LeadTable.Columns.EmailAddress1, ConditionOperator.In, Values(emails));
            query.AddOrder(LeadTable.Columns.CreatedOn, OrderType.Ascending);
            query.AddOrder(LeadTable.Columns.LeadId, OrderType.Ascending);
            return query;
        }

        // ---------- rows to domain objects ----------

        /// <summary>A setting row; its campaign only when the linked campaign is active.</summary>
        public static StorefrontSetting? ToStorefrontSetting(Entity row, out string? note)
        {
            note = null;
            var storefront = Choice<Storefront>(row, StorefrontSettingTable.Columns.Storefront);
            if (!storefront.HasValue)
            {
                note = "Storefront setting '" + Name(row) + "' has no known storefront and was ignored.";
                return null;
            }
            var campaign = row.GetAttributeValue<EntityReference>(StorefrontSettingTable.Columns.CampaignId);
            Guid? campaignId = null;
            if (campaign != null)
            {
                var state = DataverseValues.Raw(row, CampaignAlias + ".statecode") as OptionSetValue;
                if (state != null && state.Value == Active) campaignId = campaign.Id;
                else note = "Storefront setting '" + Name(row) + "': campaign " + campaign.Id.ToString("D") + " is not active and was not used.";
            }
            return new StorefrontSetting(storefront.Value,
                Choice<Audience>(row, StorefrontSettingTable.Columns.Audience), Choice<CampaignType>(row, StorefrontSettingTable.Columns.CampaignType), Choice<ListingType>(row, StorefrontSettingTable.Columns.ListingType),
                Choice<TrackedIn>(row, StorefrontSettingTable.Columns.TrackedIn), campaignId,
                OwnerReference.From(DataverseValues.ReferenceId(row, StorefrontSettingTable.Columns.DefaultUserId), DataverseValues.ReferenceId(row, StorefrontSettingTable.Columns.DefaultTeamId)), Name(row));
        }

        public static OfferEntry ToOffer(Entity row) =>
            new OfferEntry(row.GetAttributeValue<string>(OfferIdColumn), row.GetAttributeValue<string>(OfferTable.Columns.Name),
                row.GetAttributeValue<string>(OfferTable.Columns.PublisherId), Choice<Storefront>(row, OfferTable.Columns.Storefront), Choice<ListingType>(row, OfferTable.Columns.ListingType),
                row.GetAttributeValue<string>(OfferTable.Columns.ProductName),
                OwnerReference.From(DataverseValues.ReferenceId(row, OfferTable.Columns.OwnerUserId), DataverseValues.ReferenceId(row, OfferTable.Columns.OwnerTeamId)),
                DataverseValues.ReferenceId(row, OfferTable.Columns.NurtureSequenceId), row.Id);

        public static RoutingRule ToRoutingRule(Entity row) =>
            new RoutingRule(row.GetAttributeValue<string>(RoutingRuleTable.Columns.Name), row.GetAttributeValue<int?>(RoutingRuleTable.Columns.Order) ?? int.MaxValue,
                Choice<Storefront>(row, RoutingRuleTable.Columns.Storefront), Choice<CampaignType>(row, RoutingRuleTable.Columns.CampaignType), Choice<LeadAction>(row, RoutingRuleTable.Columns.LeadAction),
                row.GetAttributeValue<string>(RoutingRuleTable.Columns.CountryCodes), row.GetAttributeValue<string>(RoutingRuleTable.Columns.OfferId),
                row.GetAttributeValue<int?>(RoutingRuleTable.Columns.MinimumScore), DataverseValues.ReferenceId(row, RoutingRuleTable.Columns.AssignUserId), DataverseValues.ReferenceId(row, RoutingRuleTable.Columns.AssignTeamId), row.Id);

        public static OpenLead ToOpenLead(Entity row) =>
            new OpenLead(row.Id, row.GetAttributeValue<string>(LeadTable.Columns.EmailAddress1), row.GetAttributeValue<DateTime?>(LeadTable.Columns.CreatedOn) ?? DateTime.MaxValue,
                Choice<LeadAction>(row, LeadTable.Columns.LeadAction));

        private static object[] Values(IReadOnlyList<string> values)
        {
            var array = new object[Math.Min(values.Count, MaxInValues)];
            for (int i = 0; i < array.Length; i++) array[i] = values[i];
            return array;
        }

        private static string Name(Entity row) => row.GetAttributeValue<string>(StorefrontSettingTable.Columns.Name) ?? row.Id.ToString("D");

        // An option value the package does not know (added by an admin) reads as empty, like a blank column.
        private static T? Choice<T>(Entity row, string column) where T : struct
        {
            var option = row.GetAttributeValue<OptionSetValue>(column);
            if (option == null || !Enum.IsDefined(typeof(T), option.Value)) return null;
            return (T)Enum.ToObject(typeof(T), option.Value);
        }
    }
}
