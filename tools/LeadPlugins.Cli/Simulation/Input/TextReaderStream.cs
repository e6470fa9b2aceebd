using System.Text;

namespace LeadPlugins.Cli.Simulation;

/// <summary>A text reader's characters as UTF-8 bytes, read as they are asked for.</summary>
internal sealed class TextReaderStream : ForwardOnlyStream
{
    private readonly TextReader _reader;
    private readonly char[] _chars = new char[4096];
    private readonly byte[] _bytes = new byte[4096 * 3 + 3];
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private int _position;
    private int _length;

    public TextReaderStream(TextReader reader) => _reader = reader;

    public override int Read(Span<byte> buffer)
    {
        if (_position >= _length)
        {
            var n = _reader.Read(_chars, 0, _chars.Length);
            _length = _encoder.GetBytes(_chars, 0, n, _bytes, 0, flush: n == 0);
            _position = 0;
            if (_length == 0) return 0;
        }
        var count = Math.Min(buffer.Length, _length - _position);
        _bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
