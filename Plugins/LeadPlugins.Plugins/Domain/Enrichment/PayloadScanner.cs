using System;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The fast path of <see cref="MarketplacePayload.TryRead(string?, JsonReadLimits)"/>: one pass over well-formed JSON
    /// that keeps only the members the payload maps, without building a tree or allocating key strings (only the
    /// values kept are allocated). It accepts only what <see cref="TolerantJson"/> reads without any diagnostic; for
    /// anything it would repair or report (and a few rare valid shapes) the scan gives up and the caller falls back to
    /// the tolerant reader, so both paths give the same payload.
    /// </summary>
    internal static class PayloadScanner
    {
        // Property slots. Contacts exist twice: at the root (flat payloads) and inside UserDetails/CustomerInfo.
        internal const int RootContact = 0;   // 0..6
        internal const int UserContact = 7;   // 7..13
        internal const int LeadSource = 14;
        internal const int ActionCode = 15;
        internal const int OfferTitle = 16;
        internal const int Description = 17;
        internal const int CampaignCode = 18;
        internal const int CampaignSource = 19;
        private const int UserDetails = 20;   // the nested object (not a text slot)

        internal const int FirstName = 0, LastName = 1, Email = 2, Phone = 3, Country = 4, Company = 5, Title = 6;

        private const string NotProvidedPlaceholder = "NotProvidedFromAzureMarketPlace";
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

        /// <summary>The values kept by a scan (a struct: the scan itself allocates nothing).</summary>
        internal struct Found
        {
            internal string? RootFirstName, RootLastName, RootEmail, RootPhone, RootCountry, RootCompany, RootTitle;
            internal string? UserFirstName, UserLastName, UserEmail, UserPhone, UserCountry, UserCompany, UserTitle;
            internal string? LeadSource, ActionCode, OfferTitle, CampaignCode, CampaignSource;

            /// <summary>Description: a range of <see cref="DescriptionSource"/> (materialised only when read).</summary>
            internal string? DescriptionSource;
            internal int DescriptionStart, DescriptionLength;

            /// <summary>3 bits per slot: 0 = nothing kept, else alias rank + 1.</summary>
            internal ulong Ranks;

            /// <summary>-1 = no UserDetails/CustomerInfo member; else the alias seen.</summary>
            internal int UserAlias;
            /// <summary>The user-details member held an object (possibly inside a JSON string).</summary>
            internal bool HasUserObject;

            internal bool HasDescription => DescriptionSource != null;
        }

        private static ref string? Slot(ref Found found, int slot)
        {
            switch (slot)
            {
                case RootContact + FirstName: return ref found.RootFirstName;
                case RootContact + LastName: return ref found.RootLastName;
                case RootContact + Email: return ref found.RootEmail;
                case RootContact + Phone: return ref found.RootPhone;
                case RootContact + Country: return ref found.RootCountry;
                case RootContact + Company: return ref found.RootCompany;
                case RootContact + Title: return ref found.RootTitle;
                case UserContact + FirstName: return ref found.UserFirstName;
                case UserContact + LastName: return ref found.UserLastName;
                case UserContact + Email: return ref found.UserEmail;
                case UserContact + Phone: return ref found.UserPhone;
                case UserContact + Country: return ref found.UserCountry;
                case UserContact + Company: return ref found.UserCompany;
                case UserContact + Title: return ref found.UserTitle;
                case LeadSource: return ref found.LeadSource;
                case ActionCode: return ref found.ActionCode;
                case OfferTitle: return ref found.OfferTitle;
                case CampaignCode: return ref found.CampaignCode;
                default: return ref found.CampaignSource;
            }
        }

        private static int KeptRank(ref Found found, int slot) => (int)((found.Ranks >> (slot * 3)) & 7) - 1;

        private static void Keep(ref Found found, int slot, int rank) =>
            found.Ranks = (found.Ranks & ~(7UL << (slot * 3))) | ((ulong)(rank + 1) << (slot * 3));

        internal static readonly string[] UserDetailsNames = { "UserDetails", "CustomerInfo" };
        internal static readonly string[] FirstNameNames = { "FirstName", "First_Name", "GivenName" };
        internal static readonly string[] LastNameNames = { "LastName", "Last_Name", "Surname", "FamilyName" };
        internal static readonly string[] EmailNames = { "Email", "EmailAddress", "E-mail", "Mail" };
        internal static readonly string[] PhoneNames = { "Phone", "PhoneNumber", "Telephone" };
        internal static readonly string[] CountryNames = { "Country", "CountryCode", "CountryRegion" };
        internal static readonly string[] CompanyNames = { "Company", "CompanyName", "Organization", "Organisation" };
        internal static readonly string[] TitleNames = { "Title", "JobTitle" };
        internal static readonly string[] LeadSourceNames = { "LeadSource", "Lead_Source", "Source" };
        internal static readonly string[] ActionCodeNames = { "ActionCode", "Action_Code", "Action", "CallToAction" };
        internal static readonly string[] OfferTitleNames = { "OfferTitle", "OfferDisplayName", "OfferName" };
        internal static readonly string[] DescriptionNames = { "Description", "Notes", "Comments" };
        internal static readonly string[] CampaignCodeNames = { "mktcmpid", "utm_campaign", "campaign" };
        internal static readonly string[] CampaignSourceNames = { "src", "utm_source" };

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
        internal static bool TryScanPayload(string text, JsonReadLimits limits, ref Found found)
        {
            found.UserAlias = -1;
            return TryScan(text, 0, text.Length, limits, RootTable, ref found);
        }

        /// <summary>Scans text[start, end) for the listing URL's campaign parameters (a description member holding JSON).</summary>
        internal static bool TryScanCampaign(string text, int start, int end, JsonReadLimits limits, ref Found found)
            => TryScan(text, start, end, limits, CampaignTable, ref found);

        private static bool TryScan(string text, int start, int end, JsonReadLimits limits, FieldTable table, ref Found found)
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

        private struct Scanner
        {
            private readonly string _text;
            private readonly int _start;
            private readonly int _end;
            private readonly int _maxDepth;
            internal int Pos;

            internal Scanner(string text, int start, int end, int maxDepth)
            {
                _text = text;
                _start = start;
                _end = end;
                _maxDepth = maxDepth;
                Pos = start;
            }

            internal bool AtEnd => Pos >= _end;

            internal void SkipWhiteSpace()
            {
                while (Pos < _end)
                {
                    char c = _text[Pos];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF' || char.IsWhiteSpace(c)) Pos++;
                    else break;
                }
            }

            // open = containers open including this one. table == null: validate only.
            internal bool Object(int open, FieldTable? table, ref Found found)
            {
                Pos++; // '{'
                int membersStart = Pos;
                ulong seenLow = 0, seenHigh = 0, wildLengths = 0, lengths = 0;
                SkipWhiteSpace();
                if (AtEnd) return false;
                if (_text[Pos] == '}')
                {
                    Pos++;
                    return true;
                }
                while (true)
                {
                    if (AtEnd || _text[Pos] != '"') return false;
                    int keyStart = Pos + 1;
                    int keyEnd = keyStart;
                    bool wild = false;
                    int hash = 17;
                    while (true)
                    {
                        if (keyEnd >= _end) return false;
                        char k = _text[keyEnd];
                        if (k == '"') break;
                        if (k == '\\') return false; // escaped keys are rare: the tolerant reader handles them
                        if (k >= 128) wild = true;
                        else hash = hash * 31 + (k >= 'a' && k <= 'z' ? k - 32 : k);
                        keyEnd++;
                    }
                    Pos = keyEnd + 1;

                    // Duplicate keys (any casing) are reported by the tolerant reader: give up on a possible one.
                    int length = keyEnd - keyStart;
                    ulong lengthBit = 1UL << (length & 63);
                    bool candidate;
                    if (wild)
                    {
                        candidate = (lengths & lengthBit) != 0;
                        wildLengths |= lengthBit;
                    }
                    else
                    {
                        int h = (hash ^ (hash >> 15)) & 127;
                        ulong bit = 1UL << (h & 63);
                        candidate = h < 64 ? (seenLow & bit) != 0 : (seenHigh & bit) != 0;
                        if (h < 64) seenLow |= bit;
                        else seenHigh |= bit;
                        candidate |= (wildLengths & lengthBit) != 0;
                    }
                    lengths |= lengthBit;
                    if (candidate && IsDuplicate(membersStart, keyStart, keyEnd)) return false;

                    SkipWhiteSpace();
                    if (AtEnd || _text[Pos] != ':') return false;
                    Pos++;
                    SkipWhiteSpace();
                    if (AtEnd) return false;

                    int entry = table == null ? -1 : table.Find(_text, keyStart, keyEnd);
                    int slot = entry < 0 ? -1 : table!.SlotOf(entry);
                    if (!Value(open, slot, entry < 0 ? 0 : table!.RankOf(entry), ref found)) return false;

                    SkipWhiteSpace();
                    if (AtEnd) return false;
                    char c = _text[Pos];
                    if (c == '}')
                    {
                        Pos++;
                        return true;
                    }
                    if (c != ',') return false;
                    Pos++;
                    SkipWhiteSpace();
                }
            }

            private bool Array(int open)
            {
                Pos++; // '['
                SkipWhiteSpace();
                if (AtEnd) return false;
                if (_text[Pos] == ']')
                {
                    Pos++;
                    return true;
                }
                var none = default(Found);
                while (true)
                {
                    if (!Value(open, -1, 0, ref none)) return false;
                    SkipWhiteSpace();
                    if (AtEnd) return false;
                    char c = _text[Pos];
                    if (c == ']')
                    {
                        Pos++;
                        return true;
                    }
                    if (c != ',') return false;
                    Pos++;
                    SkipWhiteSpace();
                    if (AtEnd) return false;
                }
            }

            // A member or item value at Pos (white space skipped); slot -1 = not kept.
            private bool Value(int open, int slot, int rank, ref Found found)
            {
                char c = _text[Pos];
                if (c == '{' || c == '[')
                {
                    if (open >= _maxDepth) return false; // skipped with a note by the tolerant reader
                    if (slot == UserDetails)
                    {
                        if (!NoteUserDetails(rank, ref found)) return false;
                        if (c == '[') return false; // "not an object": reported
                        found.HasUserObject = true;
                        return Object(open + 1, UserTable, ref found);
                    }
                    return c == '{' ? Object(open + 1, null, ref found) : Array(open + 1);
                }
                if (c == '"')
                {
                    int start = Pos + 1;
                    bool escaped;
                    if (!String(out escaped)) return false;
                    if (slot < 0) return true;
                    int end = Pos - 1;
                    if (slot == UserDetails) return NoteUserDetails(rank, ref found) && UserDetailsText(start, end, escaped, ref found);
                    return KeepString(slot, rank, start, end, escaped, ref found);
                }
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    int start = Pos;
                    if (!Number()) return false;
                    if (slot < 0) return true;
                    if (slot == UserDetails) return false; // "not an object": reported
                    return KeepText(slot, rank, start, Pos, null, ref found);
                }
                string? literal = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : null;
                if (literal == null || !Literal(literal)) return false;
                if (slot < 0) return true;
                if (slot == UserDetails) return literal == "null" && NoteUserDetails(rank, ref found);
                return literal == "null" || KeepText(slot, rank, 0, 0, literal, ref found);
            }

            private static bool NoteUserDetails(int rank, ref Found found)
            {
                if (found.UserAlias >= 0) return false; // both UserDetails and CustomerInfo: the tolerant reader decides
                found.UserAlias = rank;
                return true;
            }

            // CustomerInfo as a JSON string (Azure Table entities): read with the default limits, as the tolerant path does.
            private bool UserDetailsText(int start, int end, bool escaped, ref Found found)
            {
                string inner = escaped ? Unescape(start, end) : _text.Substring(start, end - start);
                if (!LooksLikeJsonObject(inner, 0, inner.Length)) return false; // "not an object": reported
                found.HasUserObject = true;
                return TryScan(inner, 0, inner.Length, JsonReadLimits.Default, UserTable, ref found);
            }

            private bool KeepString(int slot, int rank, int start, int end, bool escaped, ref Found found)
            {
                int kept = KeptRank(ref found, slot);
                if (kept >= 0 && kept < rank) return true;
                if (escaped) return KeepText(slot, rank, 0, 0, Unescape(start, end), ref found);
                StringRanges.TrimRange(_text, ref start, ref end);
                if (start == end || IsPlaceholder(_text, start, end)) return true;
                Keep(ref found, slot, rank);
                if (slot == Description)
                {
                    found.DescriptionSource = _text;
                    found.DescriptionStart = start;
                    found.DescriptionLength = end - start;
                }
                else
                {
                    // Source and action codes are nearly always spelled as documented: reuse the code table's string.
                    string? known = slot == LeadSource || slot == ActionCode ? LeadCodes.KnownSpelling(_text, start, end) : null;
                    Slot(ref found, slot) = known ?? StringRanges.Slice(_text, start, end);
                }
                return true;
            }

            // A number's raw text (range) or a literal/unescaped text (value).
            private bool KeepText(int slot, int rank, int start, int end, string? value, ref Found found)
            {
                int kept = KeptRank(ref found, slot);
                if (kept >= 0 && kept < rank) return true;
                string? text = value != null ? StringRanges.TrimToNull(value) : _text.Substring(start, end - start);
                if (text == null || IsPlaceholder(text, 0, text.Length)) return true;
                Keep(ref found, slot, rank);
                if (slot == Description)
                {
                    found.DescriptionSource = text;
                    found.DescriptionStart = 0;
                    found.DescriptionLength = text.Length;
                }
                else
                {
                    Slot(ref found, slot) = text;
                }
                return true;
            }

            private static bool IsPlaceholder(string text, int start, int end)
                => end - start == NotProvidedPlaceholder.Length
                    && string.Compare(text, start, NotProvidedPlaceholder, 0, NotProvidedPlaceholder.Length, StringComparison.OrdinalIgnoreCase) == 0;

            // At the opening quote; on success Pos is after the closing quote. Only escapes the tolerant reader takes silently.
            private bool String(out bool escaped)
            {
                escaped = false;
                Pos++;
                while (Pos < _end)
                {
                    char c = _text[Pos];
                    if (c == '"')
                    {
                        Pos++;
                        return true;
                    }
                    if (c != '\\')
                    {
                        Pos++;
                        continue;
                    }
                    escaped = true;
                    if (Pos + 1 >= _end) return false;
                    char e = _text[Pos + 1];
                    Pos += 2;
                    switch (e)
                    {
                        case '"':
                        case '\'':
                        case '\\':
                        case '/':
                        case 'b':
                        case 'f':
                        case 'n':
                        case 'r':
                        case 't':
                            break;
                        case 'u':
                            for (int i = 0; i < 4; i++)
                            {
                                if (Pos >= _end || HexValue(_text[Pos]) < 0) return false;
                                Pos++;
                            }
                            break;
                        default:
                            return false;
                    }
                }
                return false; // unterminated: truncated
            }

            // The tolerant reader's token ([0-9+-.eE]*), accepted only as -?digits(.digits)? of a safe length.
            private bool Number()
            {
                int start = Pos;
                while (Pos < _end)
                {
                    char c = _text[Pos];
                    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') Pos++;
                    else break;
                }
                if (Pos >= _end || Pos - start > MaxNumberLength) return false;
                int i = start;
                if (_text[i] == '-') i++;
                int digits = i;
                while (i < Pos && _text[i] >= '0' && _text[i] <= '9') i++;
                if (i == digits) return false;
                if (i < Pos && _text[i] == '.')
                {
                    i++;
                    int fraction = i;
                    while (i < Pos && _text[i] >= '0' && _text[i] <= '9') i++;
                    if (i == fraction) return false;
                }
                return i == Pos;
            }

            private bool Literal(string word)
            {
                if (_end - Pos <= word.Length) return false; // a value inside an object is never last
                if (string.CompareOrdinal(_text, Pos, word, 0, word.Length) != 0) return false;
                char next = _text[Pos + word.Length];
                if (char.IsLetterOrDigit(next) || next == '_' || next == '$') return false;
                Pos += word.Length;
                return true;
            }

            // Is text[keyStart, keyEnd) equal (any casing) to an earlier key of the object whose members start at membersStart?
            // The members before the key were validated, so this walk only steps over them.
            private bool IsDuplicate(int membersStart, int keyStart, int keyEnd)
            {
                int p = membersStart;
                int length = keyEnd - keyStart;
                while (true)
                {
                    while (_text[p] != '"') p++;
                    int start = p + 1;
                    if (start == keyStart) return false;
                    int end = start;
                    while (_text[end] != '"') end++;
                    if (end - start == length && string.Compare(_text, start, _text, keyStart, length, StringComparison.OrdinalIgnoreCase) == 0) return true;
                    p = end + 1;
                    while (_text[p] != ':') p++;
                    p = SkipValidatedValue(p + 1);
                }
            }

            // Steps over one value that was already validated; returns the index after it.
            private int SkipValidatedValue(int p)
            {
                while (char.IsWhiteSpace(_text[p]) || _text[p] == '\uFEFF') p++;
                int nesting = 0;
                while (true)
                {
                    char c = _text[p];
                    if (c == '"')
                    {
                        p++;
                        while (_text[p] != '"')
                        {
                            if (_text[p] == '\\') p++;
                            p++;
                        }
                        p++;
                        if (nesting == 0) return p;
                        continue;
                    }
                    if (c == '{' || c == '[')
                    {
                        nesting++;
                        p++;
                        continue;
                    }
                    if (c == '}' || c == ']')
                    {
                        if (nesting == 0) return p;
                        p++;
                        if (--nesting == 0) return p;
                        continue;
                    }
                    if (nesting == 0 && (c == ',' || char.IsWhiteSpace(c) || c == '\uFEFF')) return p;
                    p++;
                }
            }

            private string Unescape(int start, int end)
            {
                var builder = new System.Text.StringBuilder(end - start);
                int i = start;
                while (i < end)
                {
                    char c = _text[i];
                    if (c != '\\')
                    {
                        builder.Append(c);
                        i++;
                        continue;
                    }
                    char e = _text[i + 1];
                    i += 2;
                    switch (e)
                    {
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            builder.Append((char)(HexValue(_text[i]) * 4096 + HexValue(_text[i + 1]) * 256 + HexValue(_text[i + 2]) * 16 + HexValue(_text[i + 3])));
                            i += 4;
                            break;
                        default: builder.Append(e); break; // " ' \ /
                    }
                }
                return builder.ToString();
            }

            private static int HexValue(char c)
            {
                if (c >= '0' && c <= '9') return c - '0';
                if (c >= 'a' && c <= 'f') return c - 'a' + 10;
                if (c >= 'A' && c <= 'F') return c - 'A' + 10;
                return -1;
            }
        }
    }
}
