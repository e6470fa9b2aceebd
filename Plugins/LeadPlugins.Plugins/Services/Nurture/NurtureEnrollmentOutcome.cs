using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>The outcome of enrolment for one lead (returned in the order of the leads given).</summary>
    public sealed class NurtureEnrollmentOutcome
    {
        internal NurtureEnrollmentOutcome(Guid leadId, NurtureEnrollmentResult result, EntityReference? enrollment, string reason)
        {
            LeadId = leadId;
            Result = result;
            Enrollment = enrollment;
            Reason = reason;
        }

        public Guid LeadId { get; }
        public NurtureEnrollmentResult Result { get; }
        /// <summary>The lead's mpl_nurtureenrollment row (Active or Skipped); null when no row applies or it could not be identified.</summary>
        public EntityReference? Enrollment { get; }
        /// <summary>Eligibility message, sequence choice or why nothing was done.</summary>
        public string Reason { get; }
        /// <summary>Name of the configured or built-in sequence (enrolled leads only).</summary>
        public string? SequenceName { get; internal set; }
        /// <summary>Step activities this call created.</summary>
        public int ActivitiesCreated { get; internal set; }
        /// <summary>Step activities that already existed (a retry after a partial run).</summary>
        public int ActivitiesExisting { get; internal set; }
        /// <summary>For a repeat engagement: the enrolment of the original lead that got the trace line.</summary>
        public EntityReference? RepeatOf { get; internal set; }

        public override string ToString() => "lead " + LeadId.ToString("D") + ": " + Result + " (" + Reason + ")";
    }
}
