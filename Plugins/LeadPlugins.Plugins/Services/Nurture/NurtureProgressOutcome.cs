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
    /// <summary>What a progress check changed on one enrolment.</summary>
    public sealed class NurtureProgressOutcome
    {
        internal NurtureProgressOutcome(Guid enrollmentId, NurtureProgress? progress, bool completed, bool nextDueDateChanged)
        {
            EnrollmentId = enrollmentId;
            Progress = progress;
            Completed = completed;
            NextDueDateChanged = nextDueDateChanged;
        }

        public Guid EnrollmentId { get; }
        /// <summary>Counts of the enrolment's activities; null when the enrolment was not found.</summary>
        public NurtureProgress? Progress { get; }
        /// <summary>The enrolment was set to Completed by this check.</summary>
        public bool Completed { get; }
        /// <summary>mpl_nextduedate was moved to the next open activity.</summary>
        public bool NextDueDateChanged { get; }
    }
}
