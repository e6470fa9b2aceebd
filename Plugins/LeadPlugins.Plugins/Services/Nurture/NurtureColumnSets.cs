using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// The column lists the nurture services read, built from the schema vocabulary. The nurture activities (task,
    /// phone call, e-mail) declare the same columns in Solution/src/tables, so the services name them through TaskTable.
    /// </summary>
    public static class NurtureColumnSets
    {
        /// <summary>
        /// The lead columns enrolment reads: the post image of the Create step, and the Retrieve of the workflow activity.
        /// One comma-separated constant because attribute arguments must be constants.
        /// </summary>
        public const string EnrollmentLeadColumns =
            LeadTable.Columns.FirstName + "," + LeadTable.Columns.LastName + "," + LeadTable.Columns.FullName + ","
            + LeadTable.Columns.CompanyName + "," + LeadTable.Columns.OwnerId + "," + LeadTable.Columns.CreatedOn + ","
            + LeadTable.Columns.StateCode + "," + LeadTable.Columns.IsMarketplace + "," + LeadTable.Columns.IsTestLead + ","
            + LeadTable.Columns.IsCoSell + "," + LeadTable.Columns.ReferralId + "," + LeadTable.Columns.LeadAction + ","
            + LeadTable.Columns.Storefront + "," + LeadTable.Columns.CampaignType + "," + LeadTable.Columns.OfferTitle + ","
            + LeadTable.Columns.OfferId + "," + LeadTable.Columns.DuplicateOf + "," + LeadTable.Columns.NurtureSequenceId;

        /// <summary>The lead columns an opportunity inherits (marketplace attribution), plus campaignid.</summary>
        public static readonly string[] AttributionColumns =
        {
            LeadTable.Columns.Storefront, LeadTable.Columns.CampaignType, LeadTable.Columns.OfferId, LeadTable.Columns.OfferTitle,
            LeadTable.Columns.FunnelStage, LeadTable.Columns.LeadScore, LeadTable.Columns.CampaignId,
        };

        /// <summary>activityparty: a system table the solution does not extend, so outside the vocabulary.</summary>
        public const string ActivityParty = "activityparty";
        public const string PartyId = "partyid";

        /// <summary>email.statuscode Draft (statecode 0 Open).</summary>
        public const int EmailDraftStatus = 1;

        public static string[] Split(string columns) => columns.Split(',');
    }
}
