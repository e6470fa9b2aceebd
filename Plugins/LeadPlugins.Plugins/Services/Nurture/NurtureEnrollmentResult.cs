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
    /// <summary>What enrolment did for one lead.</summary>
    public enum NurtureEnrollmentResult
    {
        /// <summary>An Active enrolment and its step activities were created (or completed by this retry).</summary>
        Enrolled,
        /// <summary>The lead already had its enrolment: nothing new was created (a retry, a replay or a second call).</summary>
        AlreadyEnrolled,
        /// <summary>A marketplace lead that is not enrolled: a Skipped enrolment row holds the reason.</summary>
        Skipped,
        /// <summary>Not a marketplace lead (or co-sell referral): no row, only a trace line.</summary>
        NotApplicable,
    }
}
