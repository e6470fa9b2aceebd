using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>An open lead already in Dataverse with one of the batch's e-mail addresses.</summary>
    public sealed class OpenLead
    {
        public OpenLead(Guid id, string? email, DateTime createdOn, LeadAction? action = null)
        {
            Id = id;
            Email = EmailKey(email);
            CreatedOn = createdOn;
            Action = action;
        }

        public Guid Id { get; }
        /// <summary>Trimmed, lower-case e-mail; null when blank.</summary>
        public string? Email { get; }
        public DateTime CreatedOn { get; }
        /// <summary>The lead's mpl_leadaction, when it has one.</summary>
        public LeadAction? Action { get; }

        internal static string? EmailKey(string? email)
        {
            var trimmed = StringRanges.TrimToNull(email);
            return trimmed == null ? null : StringRanges.HasUpperCase(trimmed) ? trimmed.ToLowerInvariant() : trimmed;
        }
    }
}
