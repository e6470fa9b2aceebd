using static LeadPlugins.Plugins.Domain.Enrichment.PayloadSlots;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    internal static partial class PayloadScanner
    {
        /// <summary>The one-pass, non-allocating walk over the JSON text (the field table and the entry point are in PayloadScanner.cs).</summary>
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
            internal bool Object(int open, FieldTable? table, ref PayloadFields found)
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
                var none = default(PayloadFields);
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
            private bool Value(int open, int slot, int rank, ref PayloadFields found)
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

            private static bool NoteUserDetails(int rank, ref PayloadFields found)
            {
                if (found.UserAlias >= 0) return false; // both UserDetails and CustomerInfo: the tolerant reader decides
                found.UserAlias = rank;
                return true;
            }

            // CustomerInfo as a JSON string (Azure Table entities): read with the default limits, as the tolerant path does.
            private bool UserDetailsText(int start, int end, bool escaped, ref PayloadFields found)
            {
                string inner = escaped ? Unescape(start, end) : _text.Substring(start, end - start);
                if (!LooksLikeJsonObject(inner, 0, inner.Length)) return false; // "not an object": reported
                found.HasUserObject = true;
                return TryScan(inner, 0, inner.Length, JsonReadLimits.Default, UserTable, ref found);
            }

            private bool KeepString(int slot, int rank, int start, int end, bool escaped, ref PayloadFields found)
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
                    PayloadFields.Slot(ref found, slot) = known ?? StringRanges.Slice(_text, start, end);
                }
                return true;
            }

            // A number's raw text (range) or a literal/unescaped text (value).
            private bool KeepText(int slot, int rank, int start, int end, string? value, ref PayloadFields found)
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
                    PayloadFields.Slot(ref found, slot) = text;
                }
                return true;
            }

            private static bool IsPlaceholder(string text, int start, int end)
                => end - start == NotProvidedPlaceholder.Length
                    && string.Compare(text, start, NotProvidedPlaceholder, 0, NotProvidedPlaceholder.Length, System.StringComparison.OrdinalIgnoreCase) == 0;

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
                    if (end - start == length && string.Compare(_text, start, _text, keyStart, length, System.StringComparison.OrdinalIgnoreCase) == 0) return true;
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
