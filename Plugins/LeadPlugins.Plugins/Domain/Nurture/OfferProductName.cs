using System;
using System.Collections.Generic;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// A readable product name from a marketplace offer id, for texts sellers and customers read when no offer row gives
    /// a title: "contoso-analytics-saas" and "contoso.contoso-analytics-saas" both become "Contoso Analytics SaaS".
    /// The publisher part before the dot is dropped (the offer part already names the product), words split on '-', '_'
    /// and '.', a Partner Center style numeric suffix ("-1591234567") is dropped, known acronyms keep their spelling.
    /// </summary>
    public static class OfferProductName
    {
        /// <summary>Longest product name produced (the offer title column holds 200; subjects need room around it).</summary>
        public const int MaxLength = 100;

        private static readonly Dictionary<string, string> KnownSpellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["saas"] = "SaaS", ["paas"] = "PaaS", ["iaas"] = "IaaS", ["ai"] = "AI", ["ml"] = "ML", ["api"] = "API", ["apis"] = "APIs",
            ["bi"] = "BI", ["crm"] = "CRM", ["erp"] = "ERP", ["hr"] = "HR", ["iot"] = "IoT", ["sql"] = "SQL", ["vm"] = "VM",
            ["vms"] = "VMs", ["sap"] = "SAP", ["sdk"] = "SDK", ["sso"] = "SSO", ["vpn"] = "VPN", ["dns"] = "DNS", ["aks"] = "AKS",
            ["etl"] = "ETL", ["mfa"] = "MFA", ["ux"] = "UX", ["ui"] = "UI", ["cx"] = "CX", ["devops"] = "DevOps", ["b2b"] = "B2B",
            ["b2c"] = "B2C", ["gpt"] = "GPT", ["pdf"] = "PDF", ["gis"] = "GIS", ["esg"] = "ESG", ["pos"] = "POS", ["ocr"] = "OCR",
            ["llm"] = "LLM", ["siem"] = "SIEM", ["soc"] = "SOC", ["xdr"] = "XDR", ["edr"] = "EDR", ["id"] = "ID", ["m365"] = "M365",
            ["d365"] = "D365", ["365"] = "365", ["azure"] = "Azure", ["microsoft"] = "Microsoft", ["powerbi"] = "Power BI",
            ["and"] = "and", ["for"] = "for", ["of"] = "of", ["on"] = "on", ["with"] = "with", ["the"] = "the", ["to"] = "to",
        };

        /// <summary>The product name, or null when <paramref name="offerId"/> holds no word to name a product with.</summary>
        public static string? FromOfferId(string? offerId)
        {
            if (string.IsNullOrWhiteSpace(offerId)) return null;
            var text = offerId!.Trim();
            var dot = text.IndexOf('.');
            // publisherid.offerid: the offer part names the product.
            if (dot > 0 && dot < text.Length - 1) text = text.Substring(dot + 1);
            var parts = text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
            var words = new List<string>(parts.Length);
            foreach (var part in parts)
                if (IsLettersOrDigits(part)) words.Add(part);
            // A long all-digit last word is a generated suffix, not part of the name.
            while (words.Count > 1 && words[words.Count - 1].Length >= 5 && IsDigits(words[words.Count - 1]))
                words.RemoveAt(words.Count - 1);
            if (words.Count == 0 || !AnyWordHasLetter(words)) return null;
            var name = new StringBuilder();
            for (var i = 0; i < words.Count; i++)
            {
                if (name.Length > 0) name.Append(' ');
                name.Append(Spell(words[i], first: i == 0));
            }
            return Enrichment.ColumnText.TruncateWithEllipsis(name.ToString(), MaxLength);
        }

        private static readonly char[] WordSeparators = { '-', '_', '.', ' ' };

        // Loops rather than LINQ: this runs for every lead whose texts fall back to the product name.
        private static bool IsLettersOrDigits(string word)
        {
            foreach (var c in word)
                if (!char.IsLetterOrDigit(c)) return false;
            return true;
        }

        private static bool IsDigits(string word)
        {
            foreach (var c in word)
                if (!char.IsDigit(c)) return false;
            return true;
        }

        private static bool AnyWordHasLetter(List<string> words)
        {
            foreach (var word in words)
                foreach (var c in word)
                    if (char.IsLetter(c)) return true;
            return false;
        }

        private static string Spell(string word, bool first)
        {
            if (KnownSpellings.TryGetValue(word, out var known))
                return first && known.Length > 0 && char.IsLower(known[0]) ? char.ToUpperInvariant(known[0]) + known.Substring(1) : known;
            // A word already written with capitals inside (FieldService) keeps them.
            if (HasUpperAfterFirst(word)) return char.ToUpperInvariant(word[0]) + word.Substring(1);
            return char.ToUpperInvariant(word[0]) + word.Substring(1).ToLowerInvariant();
        }

        private static bool HasUpperAfterFirst(string word)
        {
            for (var i = 1; i < word.Length; i++)
                if (char.IsUpper(word[i])) return true;
            return false;
        }
    }
}
