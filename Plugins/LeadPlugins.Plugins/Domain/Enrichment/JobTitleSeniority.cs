using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>Job-title seniority from keywords, token by token, without allocating.</summary>
    public static class JobTitleSeniority
    {
        private static readonly string[] SeniorWords =
        {
            "ceo", "cio", "cto", "cfo", "coo", "cmo", "cdo", "cso", "ciso", "cpo", "cro", "chief", "founder", "cofounder",
            "president", "vp", "svp", "evp", "avp", "director", "head", "partner", "principal", "chairman", "chair",
            "board", "md", "gm", "geschäftsführer", "geschaeftsfuehrer", "geschaftsfuhrer", "inhaber", "vorstand", "directeur",
            "directrice", "gérant", "gerant", "direttore", "presidente", "diretor", "directora", "gerente", "dyrektor", "prezes",
        };

        private static readonly string[] ManagerWords =
        {
            "manager", "mgr", "lead", "leader", "teamlead", "supervisor", "architect", "senior", "sr", "leiter", "leiterin",
            "responsable", "coordinator",
        };

        private static readonly string[][] SeniorByLength = ByLength(SeniorWords);
        private static readonly string[][] ManagerByLength = ByLength(ManagerWords);

        /// <summary>2 for an executive/owner/director keyword, 1 for a manager/lead/senior keyword, else 0.</summary>
        public static int Level(string? title)
        {
            if (title == null) return 0;
            int level = 0;
            int i = 0;
            while (i < title.Length)
            {
                while (i < title.Length && !char.IsLetter(title[i])) i++;
                int start = i;
                while (i < title.Length && char.IsLetter(title[i])) i++;
                int length = i - start;
                if (length == 0) break;
                if (IsWord(SeniorByLength, title, start, length)) return 2;
                if (level == 0 && IsWord(ManagerByLength, title, start, length)) level = 1;
            }
            return level;
        }

        private static bool IsWord(string[][] byLength, string text, int start, int length)
        {
            if (length >= byLength.Length) return false;
            var words = byLength[length];
            for (int w = 0; w < words.Length; w++)
            {
                if (string.Compare(text, start, words[w], 0, length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            }
            return false;
        }

        private static string[][] ByLength(string[] words)
        {
            int max = 0;
            for (int i = 0; i < words.Length; i++) max = Math.Max(max, words[i].Length);
            var lists = new List<string>[max + 1];
            for (int i = 0; i <= max; i++) lists[i] = new List<string>();
            for (int i = 0; i < words.Length; i++) lists[words[i].Length].Add(words[i]);
            var result = new string[max + 1][];
            for (int i = 0; i <= max; i++) result[i] = lists[i].ToArray();
            return result;
        }
    }
}
