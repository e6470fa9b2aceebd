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
    /// <summary>A lead's new state, as the Update step's post image (or Target) shows it.</summary>
    public sealed class LeadStateChange
    {
        public LeadStateChange(Guid leadId, int stateCode, int? statusCode = null, string? statusLabel = null)
        {
            LeadId = leadId;
            StateCode = stateCode;
            StatusCode = statusCode;
            StatusLabel = statusLabel;
        }

        public Guid LeadId { get; }
        /// <summary>lead.statecode: 0 Open, 1 Qualified, 2 Disqualified.</summary>
        public int StateCode { get; }
        public int? StatusCode { get; }
        /// <summary>The status reason's label when the caller knows it (FormattedValues); else the system labels are used.</summary>
        public string? StatusLabel { get; }
    }
}
