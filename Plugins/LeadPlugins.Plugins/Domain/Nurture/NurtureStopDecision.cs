using System;
using System.Collections.Generic;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    public sealed class NurtureStopDecision
    {
        public NurtureStopDecision(bool shouldStop, string reason)
        {
            ShouldStop = shouldStop;
            Reason = reason;
        }

        /// <summary>Set the enrolment to Stopped (mpl_reason = <see cref="Reason"/>) and cancel its open activities.</summary>
        public bool ShouldStop { get; }
        public string Reason { get; }
    }
}
