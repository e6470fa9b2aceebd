namespace LeadPlugins.InMemory;

/// <summary>Readable, repeatable ids: 00000000-0000-0000-0000-000000000001, ...002, ...</summary>
public sealed class SequentialIds
{
    private long _next;

    public SequentialIds(long start = 1) { _next = start; }

    /// <summary>
    /// The counter's low six bytes, most significant first, in the last group: the first ten bytes are zero, so the
    /// bytes go in as they are (no hex text to format and parse, a string and an array per created row).
    /// </summary>
    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        var n = _next++;
        for (var i = 15; i >= 10 && n > 0; i--, n >>= 8) bytes[i] = (byte)n;
        return new Guid(bytes);
    }
}
