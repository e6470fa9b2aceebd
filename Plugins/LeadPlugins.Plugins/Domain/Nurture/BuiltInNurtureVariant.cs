using System.Collections.Generic;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Which built-in sequence a lead action gets.</summary>
    public enum BuiltInNurtureVariant
    {
        /// <summary>Contact me (PLT): discovery call within one business day.</summary>
        ContactMe,
        /// <summary>Get it now (INS) and Create (Azure portal): onboarding and adoption.</summary>
        Acquisition,
        /// <summary>Test drive and Free trial: follow-up after the trial.</summary>
        Trial,
        /// <summary>Other or unknown action.</summary>
        General,
    }
}
