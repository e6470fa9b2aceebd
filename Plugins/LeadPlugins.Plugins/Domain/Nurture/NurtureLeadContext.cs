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
        /// <summary>lead.firstname → {firstname} (fallback "there" in a greeting, "the contact" elsewhere).</summary>
        public string? FirstName { get; set; }
        /// <summary>lead.companyname → {companyname} (fallback "your company" to customers, "the company" to sellers).</summary>
        public string? CompanyName { get; set; }
        /// <summary>lead.mpl_offertitle → {offertitle} (fallback: the product named by <see cref="OfferId"/>, else "our solution").</summary>
        public string? OfferTitle { get; set; }
        /// <summary>lead.mpl_offerid: names the product in texts when no offer row gave a title (see <see cref="OfferProductName"/>).</summary>
        public string? OfferId { get; set; }
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

        /// <summary>
        /// <see cref="OfferProductName.FromOfferId"/> of <see cref="OfferId"/>, worked out once per id: every text of
        /// every step of the lead's plan may fall back to it.
        /// </summary>
        internal string? ProductName
        {
            get
            {
                if (!ReferenceEquals(_productNameOf, OfferId) || !_productNameKnown)
                {
                    _productName = OfferProductName.FromOfferId(OfferId);
                    _productNameOf = OfferId;
                    _productNameKnown = true;
                }
                return _productName;
            }
        }

        private string? _productName;
        private string? _productNameOf;
        private bool _productNameKnown;
    }
}
