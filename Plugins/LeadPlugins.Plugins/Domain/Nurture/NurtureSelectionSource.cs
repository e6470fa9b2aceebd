using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Where the selected sequence came from.</summary>
    public enum NurtureSelectionSource
    {
        /// <summary>The lead's offer (mpl_offer.mpl_nurturesequenceid) names the sequence.</summary>
        OfferOverride,
        /// <summary>The best active, valid configured sequence matching the lead.</summary>
        Configured,
        /// <summary>No configured sequence applies: the built-in one for the campaign type and action.</summary>
        BuiltIn,
    }
}
