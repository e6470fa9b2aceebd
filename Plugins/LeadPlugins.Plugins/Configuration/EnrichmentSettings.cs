using System;
using System.Collections.Generic;
using System.Globalization;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Settings of the enrichment step, from its unsecure configuration (JSON). Immutable. Every problem in the
    /// configuration falls back to the default of that one setting and adds a line to <see cref="Diagnostics"/>.
    /// <code>
    /// {
    ///   "weights": { "getItNow": 40, "contactMe": 25, "freeMailEmail": -5, ... },   // ScoreFactor names, -100..100
    ///   "thresholds": { "hot": 70, "warm": 40 },                                       // 0 &lt;= warm &lt;= hot &lt;= 100
    ///   "extraSourceColumns": [ "new_leadsourcetext" ],                                // lead columns searched for Source-Action|Offer
    ///   "marketplaceWriterUserIds": [ "9a1c...-..." ],                                 // users whose leads count as marketplace leads
    ///   "freeMailDomains": [ "example.org", "mailinator.*" ]                           // added to the built-in free-mail list
    /// }
    /// </code>
    /// </summary>
    public sealed class EnrichmentSettings
    {
        public const int MaxExtraSourceColumns = 10;

        public static readonly EnrichmentSettings Default = new EnrichmentSettings(ScoringWeights.Default, RatingThresholds.Default,
            Array.Empty<string>(), Array.Empty<Guid>(), FreeMailDomains.Default, Array.Empty<string>());

        private readonly HashSet<Guid>? _writerUsers;

        public EnrichmentSettings(ScoringWeights weights, RatingThresholds thresholds, IReadOnlyList<string> extraSourceColumns,
            IReadOnlyList<Guid> marketplaceWriterUserIds, FreeMailDomains freeMailDomains, IReadOnlyList<string> diagnostics)
        {
            Weights = weights ?? ScoringWeights.Default;
            Thresholds = thresholds ?? RatingThresholds.Default;
            ExtraSourceColumns = extraSourceColumns ?? Array.Empty<string>();
            MarketplaceWriterUserIds = marketplaceWriterUserIds ?? Array.Empty<Guid>();
            FreeMailDomains = freeMailDomains ?? FreeMailDomains.Default;
            Diagnostics = diagnostics ?? Array.Empty<string>();
            if (MarketplaceWriterUserIds.Count > 0) _writerUsers = new HashSet<Guid>(MarketplaceWriterUserIds);
        }

        public ScoringWeights Weights { get; }
        public RatingThresholds Thresholds { get; }
        /// <summary>Lower-case logical names of extra lead columns to search for the combined source, in order.</summary>
        public IReadOnlyList<string> ExtraSourceColumns { get; }
        public IReadOnlyList<Guid> MarketplaceWriterUserIds { get; }
        public FreeMailDomains FreeMailDomains { get; }
        /// <summary>Problems found in the configuration; empty for a good (or absent) configuration.</summary>
        public IReadOnlyList<string> Diagnostics { get; }

        public bool IsMarketplaceWriter(Guid? userId) => userId.HasValue && _writerUsers != null && _writerUsers.Contains(userId.Value);

        /// <summary>
        /// Reads the step's unsecure configuration. Null or blank gives <see cref="Default"/>. Never throws: invalid
        /// JSON, wrong types, out-of-range numbers and unknown keys each keep the default and add a diagnostic.
        /// Numbers may be given as strings ("40").
        /// </summary>
        public static EnrichmentSettings Parse(string? unsecureConfiguration)
        {
            if (StringRanges.IsBlank(unsecureConfiguration)) return Default;
            var diagnostics = new List<string>();
            var parsed = TolerantJson.Parse(unsecureConfiguration);
            for (int i = 0; i < parsed.Diagnostics.Count; i++) diagnostics.Add("Configuration JSON: " + parsed.Diagnostics[i]);
            var root = parsed.Root as JsonObject;
            if (!parsed.IsClean)
            {
                // A repaired configuration could apply half of what the admin meant: use none of it.
                diagnostics.Add("Configuration is not valid JSON; the defaults apply.");
                return WithDiagnostics(diagnostics);
            }
            if (root == null)
            {
                diagnostics.Add("Configuration is not a JSON object; the defaults apply.");
                return WithDiagnostics(diagnostics);
            }

            var weights = ScoringWeights.Default;
            var thresholds = RatingThresholds.Default;
            IReadOnlyList<string> extraColumns = Array.Empty<string>();
            IReadOnlyList<Guid> writers = Array.Empty<Guid>();
            var freeMail = FreeMailDomains.Default;

            foreach (var member in root.Members)
            {
                switch (member.Key.ToLowerInvariant())
                {
                    case "weights":
                        weights = ReadWeights(member.Value, diagnostics);
                        break;
                    case "thresholds":
                        thresholds = ReadThresholds(member.Value, diagnostics);
                        break;
                    case "extrasourcecolumns":
                        extraColumns = ReadColumns(member.Value, diagnostics);
                        break;
                    case "marketplacewriteruserids":
                        writers = ReadGuids(member.Value, diagnostics);
                        break;
                    case "freemaildomains":
                        freeMail = FreeMailDomains.Default.WithAdditions(ReadStrings(member.Value, "freeMailDomains", diagnostics));
                        break;
                    default:
                        diagnostics.Add("Unknown setting '" + member.Key + "' was ignored.");
                        break;
                }
            }
            return new EnrichmentSettings(weights, thresholds, extraColumns, writers, freeMail, diagnostics.ToArray());
        }

        private static EnrichmentSettings WithDiagnostics(List<string> diagnostics) =>
            new EnrichmentSettings(ScoringWeights.Default, RatingThresholds.Default, Array.Empty<string>(), Array.Empty<Guid>(),
                FreeMailDomains.Default, diagnostics.ToArray());

        private static ScoringWeights ReadWeights(JsonNode node, List<string> diagnostics)
        {
            var weights = ScoringWeights.Default;
            var obj = node as JsonObject;
            if (obj == null)
            {
                diagnostics.Add("'weights' is not an object; the default weights apply.");
                return weights;
            }
            foreach (var member in obj.Members)
            {
                ScoreFactor factor;
                if (!TryParseFactor(member.Key, out factor))
                {
                    diagnostics.Add("Unknown weight '" + member.Key + "' was ignored.");
                    continue;
                }
                int points;
                if (!TryReadInt(member.Value, out points))
                {
                    diagnostics.Add("Weight '" + member.Key + "' is not a whole number; the default " + Text(weights[factor]) + " applies.");
                }
                else if (points < ScoringWeights.MinPoints || points > ScoringWeights.MaxPoints)
                {
                    diagnostics.Add("Weight '" + member.Key + "' = " + Text(points) + " is outside -100..100; the default " + Text(weights[factor]) + " applies.");
                }
                else
                {
                    weights = weights.With(factor, points);
                }
            }
            return weights;
        }

        private static RatingThresholds ReadThresholds(JsonNode node, List<string> diagnostics)
        {
            var obj = node as JsonObject;
            if (obj == null)
            {
                diagnostics.Add("'thresholds' is not an object; the default thresholds apply.");
                return RatingThresholds.Default;
            }
            int hot = RatingThresholds.Default.Hot, warm = RatingThresholds.Default.Warm;
            foreach (var member in obj.Members)
            {
                bool isHot = string.Equals(member.Key, "hot", StringComparison.OrdinalIgnoreCase);
                if (!isHot && !string.Equals(member.Key, "warm", StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Add("Unknown threshold '" + member.Key + "' was ignored.");
                    continue;
                }
                int value;
                if (!TryReadInt(member.Value, out value) || value < 0 || value > 100)
                {
                    diagnostics.Add("Threshold '" + member.Key + "' must be a whole number 0..100; the default thresholds apply.");
                    return RatingThresholds.Default;
                }
                if (isHot) hot = value;
                else warm = value;
            }
            if (!RatingThresholds.AreValid(hot, warm))
            {
                diagnostics.Add("Threshold warm (" + Text(warm) + ") is above hot (" + Text(hot) + "); the default thresholds apply.");
                return RatingThresholds.Default;
            }
            return new RatingThresholds(hot, warm);
        }

        private static IReadOnlyList<string> ReadColumns(JsonNode node, List<string> diagnostics)
        {
            var names = ReadStrings(node, "extraSourceColumns", diagnostics);
            var result = new List<string>();
            foreach (var raw in names)
            {
                var name = raw.Trim().ToLowerInvariant();
                if (!IsLogicalName(name))
                {
                    diagnostics.Add("'" + raw + "' is not a column logical name and was ignored.");
                }
                else if (result.Contains(name))
                {
                    diagnostics.Add("Column '" + name + "' is listed twice.");
                }
                else if (result.Count == MaxExtraSourceColumns)
                {
                    diagnostics.Add("Only the first " + Text(MaxExtraSourceColumns) + " extra source columns are used.");
                    break;
                }
                else
                {
                    result.Add(name);
                }
            }
            return result.ToArray();
        }

        private static IReadOnlyList<Guid> ReadGuids(JsonNode node, List<string> diagnostics)
        {
            var result = new List<Guid>();
            foreach (var raw in ReadStrings(node, "marketplaceWriterUserIds", diagnostics))
            {
                Guid id;
                if (Guid.TryParse(raw.Trim(), out id) && id != Guid.Empty) result.Add(id);
                else diagnostics.Add("'" + raw + "' is not a user id (GUID) and was ignored.");
            }
            return result.ToArray();
        }

        // A single string is accepted as a one-item list.
        private static List<string> ReadStrings(JsonNode node, string setting, List<string> diagnostics)
        {
            var result = new List<string>();
            var array = node as JsonArray;
            if (array == null)
            {
                if (node.Kind == JsonNodeKind.String && !StringRanges.IsBlank(node.Text)) result.Add(node.Text!);
                else if (node.Kind != JsonNodeKind.Null) diagnostics.Add("'" + setting + "' is not a list of strings and was ignored.");
                return result;
            }
            foreach (var item in array.Items)
            {
                if (item.Kind == JsonNodeKind.String && !StringRanges.IsBlank(item.Text)) result.Add(item.Text!);
                else diagnostics.Add("An entry of '" + setting + "' is not a string and was ignored.");
            }
            return result;
        }

        private static bool TryParseFactor(string key, out ScoreFactor factor)
        {
            factor = default(ScoreFactor);
            if (StringRanges.IsBlank(key) || char.IsDigit(key[0]) || key[0] == '-') return false; // Enum.TryParse accepts numbers
            return Enum.TryParse(key, true, out factor) && Enum.IsDefined(typeof(ScoreFactor), factor);
        }

        private static bool TryReadInt(JsonNode node, out int value)
        {
            value = 0;
            if (node.Kind != JsonNodeKind.Number && node.Kind != JsonNodeKind.String) return false;
            var text = StringRanges.TrimToNull(node.Text);
            if (text == null) return false;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
            double number;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                && number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue)
            {
                value = (int)number;
                return true;
            }
            return false;
        }

        private static bool IsLogicalName(string name)
        {
            if (name.Length == 0 || name.Length > 50 || !(name[0] >= 'a' && name[0] <= 'z')) return false;
            for (int i = 1; i < name.Length; i++)
            {
                char c = name[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
            }
            return true;
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
