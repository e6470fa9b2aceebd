using System;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Plain facts of the lead that sequence selection and the templates need. The SDK layer fills it from
    /// the lead (post-image) and the offer catalogue; every member is optional.
    /// </summary>
    public sealed class NurtureLeadContext
    {
        /// <summary>lead.firstname → {firstname} (fallback "there").</summary>
        public string? FirstName { get; set; }
        /// <summary>lead.companyname → {companyname} (fallback "your company").</summary>
        public string? CompanyName { get; set; }
        /// <summary>lead.mpl_offertitle → {offertitle} (fallback "our solution").</summary>
        public string? OfferTitle { get; set; }
        /// <summary>lead.mpl_storefront → {storefront} (fallback "the marketplace"); also filters sequences.</summary>
        public Storefront? Storefront { get; set; }
        /// <summary>lead.mpl_campaigntype → {campaigntype} (fallback "marketplace"); selects sequences.</summary>
        public CampaignType? CampaignType { get; set; }
        /// <summary>lead.mpl_leadaction; filters sequences and picks the built-in variant.</summary>
        public LeadAction? Action { get; set; }
        /// <summary>lead.mpl_nurturesequenceid (set from the offer's sequence, or the sequence a workflow asks for): overrides selection.</summary>
        public Guid? OverrideSequenceId { get; set; }
        /// <summary>lead.fullname (or subject): only used to name the enrolment.</summary>
        public string? LeadName { get; set; }
    }
}
