using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>Cached invariant text of 0..100 (scores), so messages do not allocate numbers.</summary>
    internal static class NumberText
    {
        private static readonly string[] Small = Build();

        internal static string Of(int value) => value >= 0 && value < Small.Length ? Small[value] : value.ToString(CultureInfo.InvariantCulture);

        private static string[] Build()
        {
            var texts = new string[101];
            for (int i = 0; i < texts.Length; i++) texts[i] = i.ToString(CultureInfo.InvariantCulture);
            return texts;
        }
    }
}
