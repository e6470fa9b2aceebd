namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>Logical names of the tables and columns the nurture services read and write (Solution/src/tables).</summary>
    public static class NurtureColumns
    {
        public const string Lead = "lead";
        public const string LeadId = "leadid";
        public const string Sequence = "mpl_nurturesequence";
        public const string SequenceId = "mpl_nurturesequenceid";
        public const string Step = "mpl_nurturestep";
        public const string Enrollment = "mpl_nurtureenrollment";
        public const string EnrollmentId = "mpl_nurtureenrollmentid";
        public const string Opportunity = "opportunity";
        public const string ActivityParty = "activityparty";

        // Shared
        public const string Name = "mpl_name";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string OwnerId = "ownerid";
        public const string CreatedOn = "createdon";

        // mpl_nurturesequence
        public const string CampaignType = "mpl_campaigntype";
        public const string Storefront = "mpl_storefront";
        public const string LeadActions = "mpl_leadactions";
        public const string Priority = "mpl_priority";
        public const string StopOnQualify = "mpl_stoponqualify";

        // mpl_nurturestep
        public const string StepSequenceId = "mpl_sequenceid";
        public const string Order = "mpl_order";
        public const string ActivityType = "mpl_activitytype";
        public const string SubjectTemplate = "mpl_subjecttemplate";
        public const string DescriptionTemplate = "mpl_descriptiontemplate";
        public const string OffsetDays = "mpl_offsetdays";

        // mpl_nurtureenrollment
        public const string EnrollmentLeadId = "mpl_leadid";
        public const string EnrollmentSequenceId = "mpl_sequenceid";
        public const string SequenceName = "mpl_sequencename";
        public const string Status = "mpl_status";
        public const string Reason = "mpl_reason";
        public const string StartedOn = "mpl_startedon";
        public const string EndedOn = "mpl_endedon";
        public const string StepsScheduled = "mpl_stepsscheduled";
        public const string NextDueDate = "mpl_nextduedate";
        public const int ReasonMaxLength = 400;

        // task / phonecall / email
        public const string ActivityId = "activityid";
        public const string ActivityEnrollmentId = "mpl_nurtureenrollmentid";
        public const string ActivityStepNumber = "mpl_nurturestepnumber";
        public const string Subject = "subject";
        public const string Description = "description";
        public const string ScheduledEnd = "scheduledend";
        public const string PriorityCode = "prioritycode";
        public const string RegardingObjectId = "regardingobjectid";
        public const string To = "to";
        public const string PartyId = "partyid";
        public const string DirectionCode = "directioncode";
        /// <summary>email.statuscode Draft (statecode 0 Open).</summary>
        public const int EmailDraftStatus = 1;

        // lead (written by enrichment, read by nurture)
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string FullName = "fullname";
        public const string CompanyName = "companyname";
        public const string IsMarketplace = "mpl_ismarketplace";
        public const string IsTestLead = "mpl_istestlead";
        public const string IsCoSell = "mpl_iscosell";
        public const string ReferralId = "mpl_referralid";
        public const string LeadAction = "mpl_leadaction";
        public const string OfferId = "mpl_offerid";
        public const string OfferTitle = "mpl_offertitle";
        public const string FunnelStage = "mpl_funnelstage";
        public const string LeadScore = "mpl_leadscore";
        public const string DuplicateOf = "mpl_duplicateof";
        public const string LeadSequenceOverride = "mpl_nurturesequenceid";
        public const string CampaignId = "campaignid";

        // opportunity
        public const string OriginatingLeadId = "originatingleadid";

        /// <summary>
        /// The lead columns enrolment reads: the post image of the Create step, and the Retrieve of the workflow activity.
        /// Comma-separated because attribute arguments must be constants.
        /// </summary>
        public const string EnrollmentLeadColumns =
            "firstname,lastname,fullname,companyname,ownerid,createdon,statecode,"
            + "mpl_ismarketplace,mpl_istestlead,mpl_iscosell,mpl_referralid,mpl_leadaction,mpl_storefront,mpl_campaigntype,"
            + "mpl_offertitle,mpl_offerid,mpl_duplicateof,mpl_nurturesequenceid";

        /// <summary>The lead columns an opportunity inherits (marketplace attribution), plus campaignid.</summary>
        public static readonly string[] AttributionColumns =
        {
            Storefront, CampaignType, OfferId, OfferTitle, FunnelStage, LeadScore, CampaignId,
        };

        public static string[] Split(string columns) => columns.Split(',');
    }
}
