using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>A normalised e-mail address and its status.</summary>
    public sealed class NormalizedEmail
    {
        internal static readonly NormalizedEmail Missing = new NormalizedEmail(null, null, EmailStatus.Missing);

        internal NormalizedEmail(string? address, string? domain, EmailStatus status)
        {
            Address = address;
            Domain = domain;
            Status = status;
        }

        /// <summary>Trimmed, lower-case address; null when missing. Kept for Invalid too (for the trace).</summary>
        public string? Address { get; }
        /// <summary>Part after '@' for valid addresses.</summary>
        public string? Domain { get; }
        public EmailStatus Status { get; }
    }
}
