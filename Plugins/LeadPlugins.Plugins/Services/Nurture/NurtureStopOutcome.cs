using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>What stopping did for one enrolment.</summary>
    public sealed class NurtureStopOutcome
    {
        internal NurtureStopOutcome(Guid leadId, EntityReference? enrollment, bool stopped, string reason, int activitiesCanceled)
        {
            LeadId = leadId;
            Enrollment = enrollment;
            Stopped = stopped;
            Reason = reason;
            ActivitiesCanceled = activitiesCanceled;
        }

        public Guid LeadId { get; }
        /// <summary>The Active enrolment found (null when the lead has none).</summary>
        public EntityReference? Enrollment { get; }
        /// <summary>The enrolment was set to Stopped.</summary>
        public bool Stopped { get; }
        /// <summary>The stop reason written to mpl_reason, or why nothing was done.</summary>
        public string Reason { get; }
        /// <summary>Open step activities set to Canceled.</summary>
        public int ActivitiesCanceled { get; }

        public override string ToString() => "lead " + LeadId.ToString("D") + ": " + (Stopped ? "stopped" : "not stopped") + " (" + Reason + ")";
    }
}
