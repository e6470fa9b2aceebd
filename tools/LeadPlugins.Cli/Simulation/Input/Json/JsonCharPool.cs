using System.Buffers;
using Newtonsoft.Json;

namespace LeadPlugins.Cli.Simulation;

/// <summary>Lends a JSON reader its character buffers from the shared pool: a reader per input line otherwise allocates 2 KB.</summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    private JsonCharPool()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array != null) ArrayPool<char>.Shared.Return(array);
    }
}
