using System;
using System.Collections.Generic;
using System.Linq;
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
            var words = text.Split(new[] { '-', '_', '.', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.All(c => char.IsLetterOrDigit(c)))
                .ToList();
            // A long all-digit last word is a generated suffix, not part of the name.
            while (words.Count > 1 && words[words.Count - 1].Length >= 5 && words[words.Count - 1].All(char.IsDigit))
                words.RemoveAt(words.Count - 1);
            if (words.Count == 0 || !words.Any(w => w.Any(char.IsLetter))) return null;
            var name = new StringBuilder();
            for (var i = 0; i < words.Count; i++)
            {
                if (name.Length > 0) name.Append(' ');
                name.Append(Spell(words[i], first: i == 0));
            }
            return Enrichment.ColumnText.TruncateWithEllipsis(name.ToString(), MaxLength);
        }

        private static string Spell(string word, bool first)
        {
            if (KnownSpellings.TryGetValue(word, out var known))
                return first && known.Length > 0 && char.IsLower(known[0]) ? char.ToUpperInvariant(known[0]) + known.Substring(1) : known;
            // A word already written with capitals inside (FieldService) keeps them.
            if (word.Skip(1).Any(char.IsUpper)) return char.ToUpperInvariant(word[0]) + word.Substring(1);
            return char.ToUpperInvariant(word[0]) + word.Substring(1).ToLowerInvariant();
        }
    }
}
