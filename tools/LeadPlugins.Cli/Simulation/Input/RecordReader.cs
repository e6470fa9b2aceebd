using System.Globalization;
using System.Text;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Splits an input stream (UTF-8 or a single-byte encoding, see <see cref="InputDecoding"/>) into records without
/// ever holding more than one record of at most <c>maxBytes</c>: a longer record is reported with its line number
/// and the rest of it is read and thrown away, so a 50 MB line costs 1 MB. Structural characters (line breaks,
/// quotes, braces) are ASCII, which no UTF-8 multi-byte sequence contains, so splitting works on bytes.
/// </summary>
public sealed class RecordReader
{
    private const int PrefixBytes = 200;

    private readonly Stream _stream;
    private readonly Encoding _encoding;
    private readonly int _maxBytes;
    private readonly int _maxDepth;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _position;
    private int _length;
    private bool _endOfStream;
    private byte[]? _pushedBack;
    private int _pushedBackPosition;
    private readonly MemoryStream _record = new();
    private bool _insideArray;

    public RecordReader(Stream stream, Encoding encoding, int maxBytes, int maxDepth = InputOptions.MaxJsonDepth)
    {
        _stream = stream;
        _encoding = encoding;
        _maxBytes = maxBytes;
        _maxDepth = maxDepth;
    }

    /// <summary>Line number of the next byte.</summary>
    public int Line { get; private set; } = 1;

    public Encoding Encoding => _encoding;

    /// <summary>Reads a record again from its first byte (after format detection read it as a line).</summary>
    public void PushBack(string text, int line)
    {
        var bytes = _encoding.GetBytes(text + "\n");
        var rest = _pushedBack == null ? Array.Empty<byte>() : _pushedBack.AsSpan(_pushedBackPosition).ToArray();
        var unread = _buffer.AsSpan(_position, _length - _position).ToArray();
        _pushedBack = bytes.Concat(rest).Concat(unread).ToArray();
        _pushedBackPosition = 0;
        _position = _length = 0;
        Line = line;
    }

    /// <summary>The first byte that is not white space (line breaks counted, nothing else consumed); null at the end of the input.</summary>
    public byte? PeekNonSpace()
    {
        while (Fill())
        {
            var b = _buffer[_position];
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
            if (b == (byte)'\n') Line++;
            _position++;
        }
        return null;
    }

    /// <summary>The next record, or null at the end of the input.</summary>
    public RawRecord? Next(RecordShape shape) => shape == RecordShape.JsonValue ? NextJson() : NextDelimited(shape == RecordShape.CsvRecord);

    private bool Fill()
    {
        if (_position < _length) return true;
        if (_pushedBack != null)
        {
            var n = Math.Min(_buffer.Length, _pushedBack.Length - _pushedBackPosition);
            _pushedBack.AsSpan(_pushedBackPosition, n).CopyTo(_buffer);
            _pushedBackPosition += n;
            if (_pushedBackPosition >= _pushedBack.Length) _pushedBack = null;
            _position = 0;
            _length = n;
            if (n > 0) return true;
        }
        if (_endOfStream) return false;
        _position = 0;
        _length = _stream.Read(_buffer, 0, _buffer.Length);
        if (_length == 0) _endOfStream = true;
        return _length > 0;
    }

    /// <summary>Keeps bytes of the current record up to the limit; false once the record is over it.</summary>
    private bool Keep(ReadOnlySpan<byte> bytes)
    {
        var room = _maxBytes - (int)_record.Length;
        if (bytes.Length <= room)
        {
            _record.Write(bytes);
            return true;
        }
        if (room > 0) _record.Write(bytes[..room]);
        return false;
    }

    private RawRecord? NextDelimited(bool csv)
    {
        _record.SetLength(0);
        var start = Line;
        var any = false;
        var overflow = false;
        var quoted = false;
        while (Fill())
        {
            any = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var end = -1;
            if (!csv)
            {
                end = span.IndexOf((byte)'\n');
            }
            else
            {
                var room = _maxBytes - (int)_record.Length;
                for (var i = 0; i < span.Length; i++)
                {
                    var b = span[i];
                    if (b == (byte)'"') quoted = !quoted;
                    else if (b == (byte)'\n')
                    {
                        // An over-long record ends at the next line break even inside quotes, so a stray quote cannot swallow the file.
                        if (!quoted || overflow || i > room) { end = i; break; }
                        Line++;
                    }
                }
            }
            var chunk = end < 0 ? span : span[..end];
            if (!overflow && !Keep(chunk)) overflow = true;
            if (end < 0)
            {
                _position = _length;
                continue;
            }
            _position += end + 1;
            Line++;
            return Finish(start, overflow, csv && quoted && !overflow ? "unterminated quoted field" : null, "line");
        }
        if (!any) return null;
        return Finish(start, overflow, csv && quoted && !overflow ? "unterminated quoted field at the end of the input" : null, "line");
    }

    private RawRecord Finish(int start, bool overflow, string? error, string what)
    {
        if (overflow)
            return new RawRecord(start, null, what + " longer than " + _maxBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes (--max-line-bytes): left out", Decode(PrefixBytes));
        var length = (int)_record.Length;
        var bytes = _record.GetBuffer();
        if (what == "line" && length > 0 && bytes[length - 1] == (byte)'\r') length--;
        var text = _encoding.GetString(bytes, 0, length);
        return error == null ? new RawRecord(start, text, null) : new RawRecord(start, null, error, Shorten(text));
    }

    private string Decode(int max) => _encoding.GetString(_record.GetBuffer(), 0, (int)Math.Min(max, _record.Length));

    private static string Shorten(string text) => text.Length <= PrefixBytes ? text : text[..PrefixBytes];

    /// <summary>
    /// The next top-level JSON value of a JSON array or of concatenated (pretty-printed) values: commas and the
    /// enclosing brackets between them are skipped. A value that is not an object is returned as text all the same
    /// (the mapper says why it cannot be used).
    /// </summary>
    private RawRecord? NextJson()
    {
        // Between values: white space, commas, the array's own brackets.
        while (true)
        {
            if (!Fill()) return null;
            var b = _buffer[_position];
            if (b == (byte)'\n') { Line++; _position++; continue; }
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)',') { _position++; continue; }
            if (b == (byte)'[' && !_insideArray) { _insideArray = true; _position++; continue; }
            if (b == (byte)']' && _insideArray) { _insideArray = false; _position++; continue; }
            break;
        }
        _record.SetLength(0);
        var start = Line;
        var depth = 0;
        var deepest = 0;
        var inString = false;
        var escaped = false;
        var overflow = false;
        var scalar = _buffer[_position] is not ((byte)'{' or (byte)'[');
        while (Fill())
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var end = -1;
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                if (b == (byte)'\n') Line++;
                if (inString)
                {
                    if (escaped) escaped = false;
                    else if (b == (byte)'\\') escaped = true;
                    else if (b == (byte)'"') inString = false;
                    else if (b == (byte)'\n') { inString = false; } // a raw line break cannot be inside a JSON string: recover there
                    continue;
                }
                if (scalar)
                {
                    if (b is (byte)',' or (byte)'\n' or (byte)']' or (byte)'{') { end = i; break; }
                    if (b == (byte)'"') inString = true;
                    continue;
                }
                switch (b)
                {
                    case (byte)'"': inString = true; break;
                    case (byte)'{' or (byte)'[':
                        depth++;
                        if (depth > deepest) deepest = depth;
                        break;
                    case (byte)'}' or (byte)']':
                        depth--;
                        if (depth == 0) end = i + 1;
                        break;
                }
                if (end >= 0) break;
            }
            var chunk = end < 0 ? span : span[..end];
            if (!overflow && !Keep(chunk)) overflow = true;
            if (end < 0)
            {
                _position = _length;
                continue;
            }
            _position += end;
            if (scalar && end == 0 && _position < _length) _position++; // never stall on a lone separator
            break;
        }
        if (overflow) return Finish(start, true, null, "JSON value");
        if (!scalar && depth > 0) return Finish(start, false, "unexpected end of input inside a JSON value that starts here", "JSON value");
        if (deepest > _maxDepth)
            return new RawRecord(start, null, "JSON nested deeper than " + _maxDepth + " levels: left out", Decode(PrefixBytes));
        return Finish(start, false, null, "JSON value");
    }
}
