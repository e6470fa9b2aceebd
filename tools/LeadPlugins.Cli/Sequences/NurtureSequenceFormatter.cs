using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;

namespace LeadPlugins.Cli.Sequences
{
    /// <summary>
    /// Prints sequences (by default the built-in ones) as plain text an admin can copy into mpl_nurturesequence
    /// and mpl_nurturestep rows: every column by logical name, choices as "label (option value)", templates in
    /// full (multi-line templates indented under a "|" line). Used by the CLI command "sequences".
    /// </summary>
    public static class NurtureSequenceFormatter
    {
        /// <summary>All built-in sequences, with a header line.</summary>
        public static string FormatBuiltIns() =>
            "# Built-in nurture sequences (used when no active configured sequence matches)\n"
            + "# Tokens: " + string.Join(", ", NurtureTemplateRenderer.TokenNames.Select(t => "{" + t + "}")) + "\n\n"
            + Format(BuiltInNurtureSequences.All());

        public static string Format(IEnumerable<NurtureSequenceDefinition?>? sequences)
        {
            var sb = new StringBuilder();
            foreach (var sequence in sequences ?? Enumerable.Empty<NurtureSequenceDefinition?>())
            {
                if (sequence == null) continue;
                if (sb.Length > 0) sb.Append('\n');
                Append(sb, sequence);
            }
            return sb.ToString();
        }

        public static string Format(NurtureSequenceDefinition sequence)
        {
            if (sequence == null) throw new ArgumentNullException(nameof(sequence));
            var sb = new StringBuilder();
            Append(sb, sequence);
            return sb.ToString();
        }

        private static void Append(StringBuilder sb, NurtureSequenceDefinition sequence)
        {
            sb.Append("== mpl_nurturesequence: ").Append(sequence.Name).Append(" ==\n");
            Field(sb, "  ", NurtureSequenceTable.Columns.Name, sequence.Name);
            Field(sb, "  ", NurtureSequenceTable.Columns.CampaignType, Choice(NurtureLabels.Of(sequence.CampaignType), (int)sequence.CampaignType));
            Field(sb, "  ", NurtureSequenceTable.Columns.Storefront, sequence.Storefront.HasValue
                ? Choice(NurtureLabels.Of(sequence.Storefront.Value), (int)sequence.Storefront.Value)
                : "(empty = any storefront)");
            Field(sb, "  ", NurtureSequenceTable.Columns.LeadActions, sequence.LeadActions.Count == 0
                ? "(empty = any action)"
                : string.Join("; ", sequence.LeadActions.Select(a => Choice(NurtureLabels.Of(a), (int)a))));
            Field(sb, "  ", NurtureSequenceTable.Columns.Priority, sequence.Priority.ToString(CultureInfo.InvariantCulture));
            Field(sb, "  ", NurtureSequenceTable.Columns.StopOnQualify, sequence.StopOnQualifyOrDisqualify ? "Yes" : "No");
            Field(sb, "  ", "statecode", sequence.IsActive ? "Active (0)" : "Inactive (1)");
            if (sequence.Id.HasValue) Field(sb, "  ", NurtureSequenceTable.Columns.NurtureSequenceId, sequence.Id.Value.ToString("D"));

            sb.Append("  -- mpl_nurturestep rows (").Append(sequence.Steps.Count.ToString(CultureInfo.InvariantCulture)).Append(") --\n");
            foreach (var step in sequence.Steps)
            {
                sb.Append("  [").Append(step.Order.ToString(CultureInfo.InvariantCulture)).Append("]\n");
                Field(sb, "    ", NurtureStepTable.Columns.Name, step.Name);
                Field(sb, "    ", NurtureStepTable.Columns.SequenceId, sequence.Name);
                Field(sb, "    ", NurtureStepTable.Columns.Order, step.Order.ToString(CultureInfo.InvariantCulture));
                Field(sb, "    ", NurtureStepTable.Columns.ActivityType, Choice(NurtureLabels.Of(step.ActivityType), (int)step.ActivityType));
                Field(sb, "    ", NurtureStepTable.Columns.OffsetDays, step.OffsetBusinessDays.ToString(CultureInfo.InvariantCulture));
                Field(sb, "    ", NurtureStepTable.Columns.Priority, Choice(NurtureLabels.Of(step.Priority), (int)step.Priority));
                Field(sb, "    ", NurtureStepTable.Columns.SubjectTemplate, step.SubjectTemplate);
                Field(sb, "    ", NurtureStepTable.Columns.DescriptionTemplate, step.DescriptionTemplate);
            }
        }

        private static string Choice(string label, int value) =>
            label == value.ToString(CultureInfo.InvariantCulture) ? label : label + " (" + value.ToString(CultureInfo.InvariantCulture) + ")";

        private const int NameWidth = 24;

        private static void Field(StringBuilder sb, string indent, string name, string value)
        {
            sb.Append(indent).Append(name.PadRight(NameWidth)).Append(": ");
            var lines = value.Replace("\r\n", "\n").Split('\n');
            if (lines.Length == 1)
            {
                sb.Append(value).Append('\n');
                return;
            }
            sb.Append("|\n");
            foreach (var line in lines)
                sb.Append(indent).Append("    ").Append(line).Append('\n');
        }
    }
}
