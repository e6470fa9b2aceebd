using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Outcome of validating one sequence: readable problems, never an exception.</summary>
    public sealed class NurtureSequenceValidation
    {
        public NurtureSequenceValidation(NurtureSequenceDefinition sequence, IReadOnlyList<string> problems)
        {
            Sequence = sequence;
            Problems = problems;
        }

        public NurtureSequenceDefinition Sequence { get; }
        public IReadOnlyList<string> Problems { get; }
        public bool IsValid => Problems.Count == 0;

        /// <summary>One line for the trace, e.g. "Sequence 'X' (id) is invalid: The sequence has no steps."</summary>
        public string Summary => IsValid
            ? "Sequence " + Sequence.DisplayName + " is valid."
            : "Sequence " + Sequence.DisplayName + " is invalid: " + string.Join(" ", Problems);
    }
}
