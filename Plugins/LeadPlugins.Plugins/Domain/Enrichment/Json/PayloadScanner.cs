using System;
using static LeadPlugins.Plugins.Domain.Enrichment.PayloadSlots;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The fast path of <see cref="MarketplacePayload.TryRead(string?, JsonReadLimits)"/>: one pass over well-formed JSON
    /// that keeps only the members the payload maps, without building a tree or allocating key strings (only the
    /// values kept are allocated). It accepts only what <see cref="TolerantJson"/> reads without any diagnostic; for
    /// anything it would repair or report (and a few rare valid shapes) the scan gives up and the caller falls back to
    /// the tolerant reader, so both paths give the same payload.
    /// </summary>
    internal static partial class PayloadScanner
    {
        private const int MaxNumberLength = 15; // never overflows double on any framework

        /// <summary>Member names of one object level: name, slot, alias rank (lower wins).</summary>
        internal sealed class FieldTable
        {
            private readonly string[] _names;
            private readonly int[] _slots;
            private readonly int[] _ranks;
            private readonly int[][] _byLength; // entry indexes by name length

            internal FieldTable(params object[] slotThenNames)
            {
                int count = 0;
                int slot = -1;
                for (int i = 0; i < slotThenNames.Length; i++)
                {
                    if (!(slotThenNames[i] is int)) count++;
                }
                _names = new string[count];
                _slots = new int[count];
                _ranks = new int[count];
                int n = 0, rank = 0;
                for (int i = 0; i < slotThenNames.Length; i++)
                {
                    if (slotThenNames[i] is int)
                    {
                        slot = (int)slotThenNames[i];
                        rank = 0;
                        continue;
                    }
                    _names[n] = (string)slotThenNames[i];
                    _slots[n] = slot;
                    _ranks[n] = rank++;
                    n++;
                }
                int longest = 0;
                for (int i = 0; i < count; i++) longest = Math.Max(longest, _names[i].Length);
                _byLength = new int[longest + 1][];
                for (int length = 0; length <= longest; length++)
                {
                    int matches = 0;
                    for (int i = 0; i < count; i++) if (_names[i].Length == length) matches++;
                    _byLength[length] = new int[matches];
                    matches = 0;
                    for (int i = 0; i < count; i++) if (_names[i].Length == length) _byLength[length][matches++] = i;
                }
            }

            /// <summary>The entry index of text[start, end) (any casing), or -1.</summary>
            internal int Find(string text, int start, int end)
            {
                int length = end - start;
                if (length >= _byLength.Length) return -1;
                var entries = _byLength[length];
                for (int i = 0; i < entries.Length; i++)
                {
                    int entry = entries[i];
                    if (string.Compare(text, start, _names[entry], 0, length, StringComparison.OrdinalIgnoreCase) == 0) return entry;
                }
                return -1;
            }

            internal int SlotOf(int entry) => _slots[entry];
            internal int RankOf(int entry) => _ranks[entry];
        }

        private static int KeptRank(ref PayloadFields found, int slot) => (int)((found.Ranks >> (slot * 3)) & 7) - 1;

        private static void Keep(ref PayloadFields found, int slot, int rank) =>
            found.Ranks = (found.Ranks & ~(7UL << (slot * 3))) | ((ulong)(rank + 1) << (slot * 3));

        private static readonly FieldTable RootTable = BuildTable(true);
        private static readonly FieldTable UserTable = BuildTable(false);
        private static readonly FieldTable CampaignTable = new FieldTable(Args(CampaignCode, CampaignCodeNames, CampaignSource, CampaignSourceNames));

        private static FieldTable BuildTable(bool root)
        {
            int contact = root ? RootContact : UserContact;
            var args = Args(contact + FirstName, FirstNameNames, contact + LastName, LastNameNames, contact + Email, EmailNames,
                contact + Phone, PhoneNames, contact + Country, CountryNames, contact + Company, CompanyNames, contact + Title, TitleNames);
            if (!root) return new FieldTable(args);
            var more = Args(UserDetails, UserDetailsNames, LeadSource, LeadSourceNames, ActionCode, ActionCodeNames, OfferTitle, OfferTitleNames,
                Description, DescriptionNames, CampaignCode, CampaignCodeNames, CampaignSource, CampaignSourceNames);
            var all = new object[args.Length + more.Length];
            Array.Copy(args, all, args.Length);
            Array.Copy(more, 0, all, args.Length, more.Length);
            return new FieldTable(all);
        }

        private static object[] Args(params object[] slotsAndNameLists)
        {
            int count = 0;
            for (int i = 1; i < slotsAndNameLists.Length; i += 2) count += 1 + ((string[])slotsAndNameLists[i]).Length;
            var result = new object[count];
            int n = 0;
            for (int i = 0; i < slotsAndNameLists.Length; i += 2)
            {
                result[n++] = slotsAndNameLists[i];
                foreach (var name in (string[])slotsAndNameLists[i + 1]) result[n++] = name;
            }
            return result;
        }

        /// <summary>Scans a payload (root object). False: not a clean payload; use the tolerant reader.</summary>
        internal static bool TryScanPayload(string text, JsonReadLimits limits, ref PayloadFields found)
        {
            found.UserAlias = -1;
            return TryScan(text, 0, text.Length, limits, RootTable, ref found);
        }

        /// <summary>Scans text[start, end) for the listing URL's campaign parameters (a description member holding JSON).</summary>
        internal static bool TryScanCampaign(string text, int start, int end, JsonReadLimits limits, ref PayloadFields found)
            => TryScan(text, start, end, limits, CampaignTable, ref found);

        private static bool TryScan(string text, int start, int end, JsonReadLimits limits, FieldTable table, ref PayloadFields found)
        {
            if (end - start > limits.MaxLength) return false;
            var scanner = new Scanner(text, start, end, limits.MaxDepth);
            scanner.SkipWhiteSpace();
            if (scanner.AtEnd || text[scanner.Pos] != '{') return false;
            if (!scanner.Object(1, table, ref found)) return false;
            scanner.SkipWhiteSpace();
            return scanner.AtEnd; // text after the value is reported by the tolerant reader
        }

        /// <summary>True when text[start, end) starts with '{' after white space (and BOMs).</summary>
        internal static bool LooksLikeJsonObject(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '{') return true;
                if (!char.IsWhiteSpace(c) && c != '\uFEFF') return false;
            }
            return false;
        }
    }
}
