namespace LeadPlugins.InMemory;

/// <summary>
/// The default ids of new rows (and, in a sequence of their own, correlation ids): ten random bytes drawn once per
/// sequence, then a counter in the last six (the bytes SQL Server orders uniqueidentifiers by first, as NEWSEQUENTIALID
/// uses them). Unique within a store, distinct between stores but for a 2^-80 chance, and no call to the system's
/// random source per id (Guid.NewGuid made one, a tenth of a Create through an empty pipeline).
/// </summary>
internal sealed class RowIds
{
    private readonly byte[] _prefix = Guid.NewGuid().ToByteArray();
    private long _counter;

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        _prefix.CopyTo(bytes);
        var n = ++_counter;
        for (var i = 15; i >= 10; i--)
        {
            bytes[i] = (byte)n;
            n >>= 8;
        }
        return new Guid(bytes);
    }
}
