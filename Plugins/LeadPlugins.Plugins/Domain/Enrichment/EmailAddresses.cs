using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>E-mail normalisation: trim, lower case, a pragmatic validity check, free-mail vs business.</summary>
    public static class EmailAddresses
    {
        /// <summary>
        /// Normalises <paramref name="raw"/>: Missing when blank; Invalid when not local@domain.tld (one '@', no
        /// white space, no empty labels, a top-level domain of 2+ letters, at most 254 characters); FreeMail when
        /// the domain is in <paramref name="freeMail"/>; otherwise Business. A "mailto:" prefix is removed.
        /// </summary>
        public static NormalizedEmail Normalize(string? raw, FreeMailDomains? freeMail)
        {
            var address = StringRanges.TrimToNull(raw);
            if (address == null) return NormalizedEmail.Missing;
            if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) address = StringRanges.TrimToNull(address.Substring(7));
            if (address == null) return NormalizedEmail.Missing;
            if (StringRanges.HasUpperCase(address)) address = address.ToLowerInvariant();

            int at = address.IndexOf('@');
            if (!IsValid(address, at)) return new NormalizedEmail(address, null, EmailStatus.Invalid);
            string domain = address.Substring(at + 1);
            var status = (freeMail ?? FreeMailDomains.Default).Contains(domain) ? EmailStatus.FreeMail : EmailStatus.Business;
            return new NormalizedEmail(address, domain, status);
        }

        private static bool IsValid(string address, int at)
        {
            if (address.Length > 254 || at <= 0 || at > 64 || at == address.Length - 1) return false;
            if (address.IndexOf('@', at + 1) >= 0) return false;
            for (int i = 0; i < address.Length; i++)
            {
                char c = address[i];
                if (char.IsWhiteSpace(c) || char.IsControl(c) || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' || c == '"') return false;
            }
            // Domain: labels separated by single dots, no leading/trailing dot or hyphen, TLD of 2+ letters.
            int labelStart = at + 1;
            int lastDot = -1;
            for (int i = at + 1; i <= address.Length; i++)
            {
                if (i == address.Length || address[i] == '.')
                {
                    if (i == labelStart) return false;
                    if (address[labelStart] == '-' || address[i - 1] == '-') return false;
                    if (i < address.Length) lastDot = i;
                    labelStart = i + 1;
                }
                else if (!(char.IsLetterOrDigit(address[i]) || address[i] == '-'))
                {
                    return false;
                }
            }
            if (lastDot < 0 || address.Length - lastDot - 1 < 2) return false;
            for (int i = lastDot + 1; i < address.Length; i++)
            {
                if (!char.IsLetter(address[i])) return false;
            }
            // Local part: no leading/trailing/double dot.
            if (address[0] == '.' || address[at - 1] == '.') return false;
            for (int i = 1; i < at; i++)
            {
                if (address[i] == '.' && address[i - 1] == '.') return false;
            }
            return true;
        }
    }
}
