using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Workflow
{
    /// <summary>Outputs of "Classify marketplace lead". Choices are lead choice values (null = no value).</summary>
    public sealed class LeadClassificationOutputs
    {
        public OptionSetValue? Storefront { get; internal set; }
        public OptionSetValue? Audience { get; internal set; }
        public OptionSetValue? CampaignType { get; internal set; }
        public OptionSetValue? ListingType { get; internal set; }
        public OptionSetValue? LeadAction { get; internal set; }
        public string? OfferTitle { get; internal set; }
        public bool IsCoSell { get; internal set; }
        public bool IsTestLead { get; internal set; }
        /// <summary>mpl_ismarketplace: marketplace and test leads.</summary>
        public bool IsMarketplace { get; internal set; }
        /// <summary>mpl_enrichmentstatus-style summary for the trace: "Enriched: AppSource / ContactMe".</summary>
        public string Summary { get; internal set; } = string.Empty;
    }
}
