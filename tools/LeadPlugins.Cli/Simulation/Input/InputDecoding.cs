using System.Text;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Chooses the text encoding of an input: a byte-order mark wins; else the bytes are checked as UTF-8 (the whole of a
/// regular file, the first <see cref="SniffBytes"/> of a pipe) and, when they are not valid UTF-8, read as
/// Windows-1252 (what Excel writes on a European Windows machine) with a warning. Binary input (NUL bytes near the
/// start, e.g. /dev/zero) is refused before any line is read.
/// </summary>
public static class InputDecoding
{
    /// <summary>How much of a non-seekable input is looked at to decide the encoding.</summary>
    public const int SniffBytes = 1024 * 1024;
    private const int BinaryCheckBytes = 4096;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    public static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>Prepares <paramref name="stream"/>; throws <see cref="UnusableInputException"/> for binary input.</summary>
    public static PreparedInput Prepare(Stream stream, Encoding? forced)
    {
        var seekable = stream.CanSeek && SafeLength(stream) > 0;
        // Only a pipe of unknown encoding is read ahead (1 MB) to decide it; otherwise 4 KB show BOM, zip and binary.
        var head = ReadHead(stream, seekable || forced != null ? BinaryCheckBytes : SniffBytes, out var headLength);
        Stream rest = seekable ? stream : new ReplayStream(head, headLength, stream);
        if (seekable) stream.Seek(0, SeekOrigin.Begin);
        var span = head.AsSpan(0, headLength);

        if (span.Length >= 4 && span[0] == (byte)'P' && span[1] == (byte)'K' && span[2] == 3 && span[3] == 4)
            return new PreparedInput(rest, Utf8, "binary", null, isZip: true);

        var bom = BomLength(span, out var marked);
        if (marked != null && forced == null)
        {
            Skip(rest, bom);
            if (marked.CodePage == 65001) return new PreparedInput(rest, Utf8, "UTF-8 (byte-order mark)", null, false);
            var transcoded = Encoding.CreateTranscodingStream(rest, marked, Utf8, leaveOpen: false);
            return new PreparedInput(transcoded, Utf8, marked.WebName + " (byte-order mark)", null, false);
        }
        if (span[..Math.Min(span.Length, BinaryCheckBytes)].IndexOf((byte)0) >= 0)
            throw new UnusableInputException("this is binary data, not text (NUL bytes near the start): give a CSV, JSON or .xlsx file");
        if (forced != null)
        {
            if (marked != null && marked.CodePage == forced.CodePage) Skip(rest, bom);
            if (forced.CodePage is 65001 or 1252 || forced.IsSingleByte)
                return new PreparedInput(rest, forced, forced.WebName + " (--encoding)", null, false);
            return new PreparedInput(Encoding.CreateTranscodingStream(rest, forced, Utf8, leaveOpen: false), Utf8, forced.WebName + " (--encoding)", null, false);
        }
        var valid = seekable ? IsUtf8(stream) : IsUtf8(head, headLength, complete: headLength < SniffBytes);
        if (valid) return new PreparedInput(rest, Utf8, "UTF-8", null, false);
        return new PreparedInput(rest, Windows1252, "Windows-1252",
            "no byte-order mark and not valid UTF-8: read as Windows-1252 (give --encoding to choose another)", false);
    }

    private static long SafeLength(Stream stream)
    {
        try
        {
            return stream.Length;
        }
        catch (NotSupportedException)
        {
            return 0;
        }
    }

    private static byte[] ReadHead(Stream stream, int size, out int length)
    {
        var head = new byte[size];
        length = 0;
        int n;
        while (length < size && (n = stream.Read(head, length, size - length)) > 0) length += n;
        return head;
    }

    private static int BomLength(ReadOnlySpan<byte> span, out Encoding? encoding)
    {
        encoding = null;
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) { encoding = Utf8; return 3; }
        if (span.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 })) { encoding = Encoding.UTF32; return 4; }
        if (span.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF })) { encoding = new UTF32Encoding(bigEndian: true, byteOrderMark: false); return 4; }
        if (span.StartsWith(new byte[] { 0xFF, 0xFE })) { encoding = Encoding.Unicode; return 2; }
        if (span.StartsWith(new byte[] { 0xFE, 0xFF })) { encoding = Encoding.BigEndianUnicode; return 2; }
        return 0;
    }

    private static void Skip(Stream stream, int count)
    {
        Span<byte> skipped = stackalloc byte[4];
        var done = 0;
        int n;
        while (done < count && (n = stream.Read(skipped[..(count - done)])) > 0) done += n;
    }

    /// <summary>Checks a regular file from start to end (streaming, 64 KB at a time), then rewinds it.</summary>
    private static bool IsUtf8(Stream stream)
    {
        var decoder = StrictUtf8.GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[StrictUtf8.GetMaxCharCount(buffer.Length)];
        try
        {
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            stream.Seek(0, SeekOrigin.Begin);
        }
    }

    private static bool IsUtf8(byte[] head, int length, bool complete)
    {
        var decoder = StrictUtf8.GetDecoder();
        try
        {
            decoder.GetCharCount(head, 0, length, flush: complete);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Gives back the bytes already read from a pipe, then the rest of it.</summary>
    private sealed class ReplayStream : ForwardOnlyStream
    {
        private readonly byte[] _head;
        private readonly int _headLength;
        private readonly Stream _rest;
        private int _position;

        public ReplayStream(byte[] head, int headLength, Stream rest)
        {
            _head = head;
            _headLength = headLength;
            _rest = rest;
        }

        public override int Read(Span<byte> buffer)
        {
            if (_position >= _headLength) return _rest.Read(buffer);
            var n = Math.Min(buffer.Length, _headLength - _position);
            _head.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
