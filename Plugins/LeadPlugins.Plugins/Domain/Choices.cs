namespace LeadPlugins.Plugins.Domain
{
    // Choice (option set) values of the package's columns. The numbers are the option values stored in
    // Dataverse: publisher option value prefix 71254, so custom options are 712540000 + n. The solution
    // model (Solution/src/choices.xml) declares the same values; a test keeps the two in step.

    /// <summary>mpl_storefront</summary>
    public enum Storefront
    {
        AppSource = 712540000,
        AzureMarketplace = 712540001,
        /// <summary>Not resolvable from the lead (e.g. a bare TestDrive source with no offer mapping).</summary>
        Other = 712540002,
    }

    /// <summary>mpl_audience</summary>
    public enum Audience
    {
        BusinessCustomers = 712540000,
        AllCustomers = 712540001,
    }

    /// <summary>mpl_campaigntype</summary>
    public enum CampaignType
    {
        Nurture = 712540000,
        DemandGeneration = 712540001,
    }

    /// <summary>mpl_listingtype</summary>
    public enum ListingType
    {
        App = 712540000,
        ConsultingService = 712540001,
        Offer = 712540002,
        Technology = 712540003,
    }

    /// <summary>mpl_leadaction: what the customer did on the storefront.</summary>
    public enum LeadAction
    {
        /// <summary>PLT (partner-led trial), "Contact me".</summary>
        ContactMe = 712540000,
        /// <summary>INS, "Get it now".</summary>
        GetItNow = 712540001,
        /// <summary>DNC, do not contact (informational).</summary>
        DoNotContact = 712540002,
        /// <summary>Create / Subscribe in the Azure portal.</summary>
        Create = 712540003,
        /// <summary>StartTestDrive, "Test drive".</summary>
        TestDrive = 712540004,
        /// <summary>"Free trial" (Partner Center download label; no documented action code).</summary>
        FreeTrial = 712540005,
        /// <summary>Unknown code; the raw text is kept in the enrichment message.</summary>
        Other = 712540006,
    }

    /// <summary>mpl_funnelstage</summary>
    public enum FunnelStage
    {
        Interest = 712540000,
        Acquisition = 712540001,
        Trial = 712540002,
        Informational = 712540003,
    }

    /// <summary>mpl_trackedin: where the storefront's leads are also tracked.</summary>
    public enum TrackedIn
    {
        PublisherCrmAndFieldSellerCrm = 712540000,
        AzureMarketplaceAndFieldSellerCrm = 712540001,
    }

    /// <summary>mpl_emailstatus</summary>
    public enum EmailStatus
    {
        Business = 712540000,
        FreeMail = 712540001,
        Invalid = 712540002,
        Missing = 712540003,
    }

    /// <summary>mpl_enrichmentstatus</summary>
    public enum EnrichmentStatus
    {
        Enriched = 712540000,
        NotMarketplace = 712540001,
        Test = 712540002,
        CoSell = 712540003,
        Partial = 712540004,
        Failed = 712540005,
    }

    /// <summary>lead.leadqualitycode (system choice: 1 Hot, 2 Warm, 3 Cold).</summary>
    public enum Rating
    {
        Hot = 1,
        Warm = 2,
        Cold = 3,
    }

    /// <summary>mpl_activitytype: the activity a nurture step schedules.</summary>
    public enum NurtureActivityType
    {
        Task = 712540000,
        PhoneCall = 712540001,
        Email = 712540002,
    }

    /// <summary>mpl_steppriority, mapped to the activity's prioritycode (0 Low, 1 Normal, 2 High).</summary>
    public enum StepPriority
    {
        Low = 712540000,
        Normal = 712540001,
        High = 712540002,
    }

    /// <summary>mpl_enrollmentstatus</summary>
    public enum EnrollmentStatus
    {
        Active = 712540000,
        Completed = 712540001,
        Stopped = 712540002,
        Skipped = 712540003,
    }
}
