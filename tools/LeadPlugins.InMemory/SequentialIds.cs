namespace LeadPlugins.InMemory;

/// <summary>Readable, repeatable ids: 00000000-0000-0000-0000-000000000001, ...002, ...</summary>
public sealed class SequentialIds
{
    private long _next;

    public SequentialIds(long start = 1) { _next = start; }

    public Guid Next()
    {
        var bytes = new byte[16];
        var n = _next++;
        for (var i = 15; i >= 10 && n > 0; i--, n >>= 8) bytes[i] = (byte)(n & 0xFF);
        return new Guid(Convert.ToHexString(bytes));
    }
}
