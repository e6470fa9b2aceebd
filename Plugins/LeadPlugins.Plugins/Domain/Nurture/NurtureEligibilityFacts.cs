using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Plain facts of a lead that decide whether it is enrolled (filled from the lead's post-image).</summary>
    public sealed class NurtureEligibilityFacts
    {
        /// <summary>lead.mpl_ismarketplace.</summary>
        public bool IsMarketplace { get; set; }
        /// <summary>lead.mpl_istestlead (MSFT_TEST_ validation lead).</summary>
        public bool IsTestLead { get; set; }
        /// <summary>lead.mpl_leadaction (DoNotContact = DNC).</summary>
        public LeadAction? Action { get; set; }
        /// <summary>lead.mpl_iscosell (or a referral id is present).</summary>
        public bool IsCoSell { get; set; }
        /// <summary>lead.statecode = 0 (Open).</summary>
        public bool IsOpen { get; set; } = true;
        /// <summary>lead.mpl_duplicateof.</summary>
        public Guid? DuplicateOfLeadId { get; set; }
        /// <summary>
        /// The enrolment (mpl_nurtureenrollment) of the duplicate-of lead, when it has one that is not Skipped.
        /// Null when the lead is not a duplicate or its original was never enrolled (or was skipped).
        /// </summary>
        public Guid? DuplicateOfEnrollmentId { get; set; }
    }
}
