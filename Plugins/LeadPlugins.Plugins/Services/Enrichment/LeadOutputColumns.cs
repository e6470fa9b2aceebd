namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>Logical names of the lead columns enrichment writes (Solution/src/tables/lead.xml and the system lead table).</summary>
    public static class LeadOutputColumns
    {
        public const string LeadId = "leadid";
        public const string IsMarketplace = "mpl_ismarketplace";
        public const string Storefront = "mpl_storefront";
        public const string Audience = "mpl_audience";
        public const string CampaignType = "mpl_campaigntype";
        public const string ListingType = "mpl_listingtype";
        public const string LeadAction = "mpl_leadaction";
        public const string FunnelStage = "mpl_funnelstage";
        public const string PublisherId = "mpl_publisherid";
        public const string OfferId = "mpl_offerid";
        public const string OfferTitle = "mpl_offertitle";
        public const string TrackedIn = "mpl_trackedin";
        public const string IsCoSell = "mpl_iscosell";
        public const string ReferralId = "mpl_referralid";
        public const string IsTestLead = "mpl_istestlead";
        public const string CountryCode = "mpl_countrycode";
        public const string EmailStatus = "mpl_emailstatus";
        public const string LeadScore = "mpl_leadscore";
        public const string ScoreReason = "mpl_scorereason";
        public const string SourceCampaignCode = "mpl_sourcecampaigncode";
        public const string DuplicateOf = "mpl_duplicateof";
        public const string NurtureSequence = "mpl_nurturesequenceid";
        public const string EnrichmentStatus = "mpl_enrichmentstatus";
        public const string EnrichmentMessage = "mpl_enrichmentmessage";
        public const string EnrichedOn = "mpl_enrichedon";
        public const string Rating = "leadqualitycode";
        public const string LeadSourceCode = "leadsourcecode";
        public const string Campaign = "campaignid";
        public const string Owner = "ownerid";
        public const string CreatedBy = "createdby";
        public const string CreatedOn = "createdon";

        /// <summary>leadsourcecode option "Web": what the Lead Writer most probably sets; written only when empty.</summary>
        public const int LeadSourceWeb = 8;
    }
}
