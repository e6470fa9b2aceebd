using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>How far an activity is: open, or closed as completed or canceled.</summary>
    public enum ActivityClosure
    {
        Open,
        Completed,
        Canceled,
        /// <summary>A statecode the activity does not have; counted as not closed.</summary>
        Unknown,
    }
}
