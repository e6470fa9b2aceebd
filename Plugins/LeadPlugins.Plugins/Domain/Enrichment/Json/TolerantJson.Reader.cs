using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    public static partial class TolerantJson
    {
        /// <summary>The recursive-descent reader with its repairs and limits (the entry points are in TolerantJson.cs).</summary>
        private sealed class Reader
        {
            private readonly string _text;
            private readonly int _end;
            private readonly JsonReadLimits _limits;
            private readonly List<string> _diagnostics = new List<string>();
            private int _pos;
            private bool _incomplete;
            private bool _diagnosticsCapped;

            internal Reader(string text, JsonReadLimits limits)
            {
                _text = text;
                _limits = limits;
                _end = text.Length;
                if (_end > limits.MaxLength)
                {
                    _end = limits.MaxLength;
                    _incomplete = true;
                    Note("Input has " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters; only the first "
                        + limits.MaxLength.ToString(CultureInfo.InvariantCulture) + " were read.");
                }
            }

            internal JsonParseResult ReadDocument()
            {
                SkipWhiteSpace();
                if (_pos >= _end)
                {
                    Note("No JSON value found.");
                    return Finish(null);
                }
                var root = ReadValue(0);
                SkipWhiteSpace();
                if (_pos < _end && !_incomplete) Note("Text after the JSON value at " + Position(_pos) + " was ignored.");
                return Finish(root);
            }

            private JsonParseResult Finish(JsonNode? root)
            {
                IReadOnlyList<string> diagnostics = _diagnostics.Count == 0 ? (IReadOnlyList<string>)Array.Empty<string>() : _diagnostics.ToArray();
                return new JsonParseResult(root, diagnostics, !_incomplete && root != null);
            }

            private void Note(string message)
            {
                if (_diagnostics.Count < _limits.MaxDiagnostics)
                {
                    _diagnostics.Add(message);
                }
                else if (!_diagnosticsCapped)
                {
                    _diagnosticsCapped = true;
                    _diagnostics.Add("Further problems were not listed.");
                }
            }

            private static string Position(int index) => index.ToString(CultureInfo.InvariantCulture);

            private void Truncated(string what)
            {
                if (!_incomplete) Note("The JSON text ends inside " + what + " (truncated); the value read so far is kept.");
                _incomplete = true;
            }

            private void SkipWhiteSpace()
            {
                while (_pos < _end)
                {
                    char c = _text[_pos];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF' || char.IsWhiteSpace(c)) _pos++;
                    else break;
                }
            }

            // depth = number of containers already open around this value.
            private JsonNode? ReadValue(int depth)
            {
                SkipWhiteSpace();
                if (_pos >= _end)
                {
                    Truncated("a value");
                    return null;
                }
                char c = _text[_pos];
                switch (c)
                {
                    case '{':
                    case '[':
                        if (depth >= _limits.MaxDepth)
                        {
                            Note("Nesting deeper than " + _limits.MaxDepth.ToString(CultureInfo.InvariantCulture) + " at " + Position(_pos) + " was skipped.");
                            SkipContainer();
                            return null;
                        }
                        return c == '{' ? ReadObject(depth + 1) : (JsonNode?)ReadArray(depth + 1);
                    case '"':
                    case '\'':
                        {
                            var s = ReadString();
                            return s == null ? null : new JsonScalar(JsonNodeKind.String, s);
                        }
                    default:
                        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) return ReadNumber(depth == 0);
                        if (IsBareWordChar(c)) return ReadBareWord(depth == 0);
                        Note("Unexpected character '" + c + "' at " + Position(_pos) + " was skipped.");
                        _pos++;
                        return null;
                }
            }

            private enum ContainerStep { Item, Skip, End }

            /// <summary>
            /// What objects and arrays share between their items: the end of input (truncated), their closing bracket,
            /// a stray ',' (ignored) and the other kind's closing bracket (closes this one). Item: an item starts here.
            /// </summary>
            private ContainerStep NextInContainer(char close, char otherClose, string truncatedWhat, string container)
            {
                SkipWhiteSpace();
                if (_pos >= _end)
                {
                    Truncated(truncatedWhat);
                    return ContainerStep.End;
                }
                char c = _text[_pos];
                if (c == close)
                {
                    _pos++;
                    return ContainerStep.End;
                }
                if (c == ',')
                {
                    Note("Extra ',' at " + Position(_pos) + " was ignored.");
                    _pos++;
                    return ContainerStep.Skip;
                }
                if (c == otherClose)
                {
                    Note("Unexpected '" + otherClose + "' at " + Position(_pos) + " closes the " + container + ".");
                    _pos++;
                    return ContainerStep.End;
                }
                return ContainerStep.Item;
            }

            private JsonObject? ReadObject(int depth)
            {
                _pos++; // '{'
                var members = new List<KeyValuePair<string, JsonNode>>();
                var byName = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    var next = NextInContainer('}', ']', "an object", "object");
                    if (next == ContainerStep.End) break;
                    if (next == ContainerStep.Skip) continue;
                    char c = _text[_pos];

                    int keyAt = _pos;
                    string? key;
                    if (c == '"' || c == '\'')
                    {
                        key = ReadString();
                        if (key == null) break; // truncated inside the key
                    }
                    else if (IsBareWordChar(c))
                    {
                        key = ReadBareText();
                        Note("Unquoted key '" + key + "' at " + Position(keyAt) + " was accepted.");
                    }
                    else
                    {
                        Note("Unexpected character '" + c + "' at " + Position(_pos) + " in an object was skipped.");
                        _pos++;
                        continue;
                    }

                    SkipWhiteSpace();
                    if (_pos >= _end)
                    {
                        Truncated("an object");
                        break;
                    }
                    if (_text[_pos] == ':' || _text[_pos] == '=') _pos++;
                    else Note("Missing ':' after key '" + key + "' at " + Position(_pos) + ".");
                    SkipWhiteSpace();
                    if (_pos < _end && (_text[_pos] == '}' || _text[_pos] == ','))
                    {
                        Note("Key '" + key + "' at " + Position(keyAt) + " has no value and was ignored.");
                        if (_text[_pos] == ',') _pos++;
                        continue;
                    }

                    var value = ReadValue(depth);
                    if (value == null && _incomplete) break; // a cut-off value is dropped, not guessed
                    if (value != null)
                    {
                        if (byName.ContainsKey(key)) Note("Duplicate key '" + key + "' at " + Position(keyAt) + ": the last value wins.");
                        byName[key] = value;
                        members.Add(new KeyValuePair<string, JsonNode>(key, value));
                    }

                    SkipWhiteSpace();
                    if (_pos >= _end)
                    {
                        Truncated("an object");
                        break;
                    }
                    c = _text[_pos];
                    if (c == ',')
                    {
                        _pos++;
                        SkipWhiteSpace();
                        if (_pos < _end && _text[_pos] == '}') Note("Trailing ',' before '}' at " + Position(_pos) + " was ignored.");
                    }
                    else if (c == '}')
                    {
                        _pos++;
                        break;
                    }
                    else if (c == '"' || c == '\'' || IsBareWordChar(c))
                    {
                        Note("Missing ',' before the member at " + Position(_pos) + " was assumed.");
                    }
                    // Anything else is reported and skipped at the top of the loop.
                }
                return new JsonObject(members.ToArray(), byName);
            }

            private JsonArray ReadArray(int depth)
            {
                _pos++; // '['
                var items = new List<JsonNode>();
                while (true)
                {
                    var next = NextInContainer(']', '}', "an array", "array");
                    if (next == ContainerStep.End) break;
                    if (next == ContainerStep.Skip) continue;
                    int before = _pos;
                    var value = ReadValue(depth);
                    if (value == null && _incomplete) break;
                    if (value != null) items.Add(value);
                    if (_pos == before) _pos++; // always make progress

                    SkipWhiteSpace();
                    if (_pos >= _end)
                    {
                        Truncated("an array");
                        break;
                    }
                    char c = _text[_pos];
                    if (c == ',')
                    {
                        _pos++;
                    }
                    else if (c == ']')
                    {
                        _pos++;
                        break;
                    }
                    else if (c != '}')
                    {
                        Note("Missing ',' between array items at " + Position(_pos) + " was assumed.");
                    }
                }
                return new JsonArray(items.ToArray());
            }

            // Returns null (and marks the input incomplete) when the closing quote is missing.
            private string? ReadString()
            {
                char quote = _text[_pos];
                if (quote == '\'') Note("Single-quoted string at " + Position(_pos) + " was accepted.");
                int start = ++_pos;
                StringBuilder? builder = null;
                int runStart = start;
                while (_pos < _end)
                {
                    char c = _text[_pos];
                    if (c == quote)
                    {
                        string result = builder == null
                            ? _text.Substring(start, _pos - start)
                            : builder.Append(_text, runStart, _pos - runStart).ToString();
                        _pos++;
                        return result;
                    }
                    if (c != '\\')
                    {
                        _pos++;
                        continue;
                    }

                    if (builder == null) builder = new StringBuilder(_pos - start + 16);
                    builder.Append(_text, runStart, _pos - runStart);
                    if (_pos + 1 >= _end)
                    {
                        _pos = _end;
                        break;
                    }
                    char e = _text[_pos + 1];
                    _pos += 2;
                    switch (e)
                    {
                        case '"': builder.Append('"'); break;
                        case '\'': builder.Append('\''); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            {
                                int code = 0;
                                int digits = 0;
                                while (digits < 4 && _pos < _end)
                                {
                                    int h = HexValue(_text[_pos]);
                                    if (h < 0) break;
                                    code = code * 16 + h;
                                    _pos++;
                                    digits++;
                                }
                                if (digits == 4)
                                {
                                    builder.Append((char)code);
                                }
                                else if (_pos >= _end)
                                {
                                    break;
                                }
                                else
                                {
                                    Note("Invalid \\u escape at " + Position(_pos) + " was kept as text.");
                                    builder.Append("\\u").Append(_text, _pos - digits, digits);
                                }
                                break;
                            }
                        default:
                            Note("Unknown escape '\\" + e + "' at " + Position(_pos - 2) + " was kept as '" + e + "'.");
                            builder.Append(e);
                            break;
                    }
                    runStart = _pos;
                }
                Truncated("a string");
                return null;
            }

            // Inside a container, a number or word running into the end of the text may have lost characters.
            private JsonNode? ReadNumber(bool atRoot)
            {
                int start = _pos;
                while (_pos < _end)
                {
                    char c = _text[_pos];
                    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') _pos++;
                    else break;
                }
                if (_pos >= _end && !atRoot)
                {
                    Truncated("a number");
                    return null;
                }
                string raw = _text.Substring(start, _pos - start);
                double ignored;
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out ignored))
                {
                    Note("'" + raw + "' at " + Position(start) + " is not a valid number; kept as text.");
                    return new JsonScalar(JsonNodeKind.String, raw);
                }
                return new JsonScalar(JsonNodeKind.Number, raw);
            }

            private JsonNode? ReadBareWord(bool atRoot)
            {
                int start = _pos;
                string word = ReadBareText();
                if (_pos >= _end && !atRoot)
                {
                    Truncated("a value");
                    return null;
                }
                if (string.Equals(word, "true", StringComparison.OrdinalIgnoreCase)) return JsonScalar.True;
                if (string.Equals(word, "false", StringComparison.OrdinalIgnoreCase)) return JsonScalar.False;
                if (string.Equals(word, "null", StringComparison.OrdinalIgnoreCase)) return JsonScalar.Null;
                Note("Unquoted text '" + word + "' at " + Position(start) + " was read as a string.");
                return new JsonScalar(JsonNodeKind.String, word);
            }

            private string ReadBareText()
            {
                int start = _pos;
                while (_pos < _end && IsBareWordChar(_text[_pos])) _pos++;
                return _text.Substring(start, _pos - start);
            }

            private static bool IsBareWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

            // Skips an object or array without building it (used past the depth limit); strings are respected.
            private void SkipContainer()
            {
                int nesting = 0;
                while (_pos < _end)
                {
                    char c = _text[_pos];
                    if (c == '"' || c == '\'')
                    {
                        char quote = c;
                        _pos++;
                        while (_pos < _end && _text[_pos] != quote)
                        {
                            if (_text[_pos] == '\\') _pos++;
                            _pos++;
                        }
                        if (_pos >= _end) break;
                        _pos++;
                        continue;
                    }
                    _pos++;
                    if (c == '{' || c == '[') nesting++;
                    else if ((c == '}' || c == ']') && --nesting == 0) return;
                }
                Truncated("a skipped value");
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
