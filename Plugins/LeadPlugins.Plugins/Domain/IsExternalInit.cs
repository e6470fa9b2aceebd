#if NETFRAMEWORK
namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Lets the compiler emit <c>init</c> accessors for .NET Framework 4.6.2, which lacks this marker type (.NET 5+ has
    /// it). Internal, so the sandbox assembly still exports nothing but its own types.
    /// </summary>
    internal static class IsExternalInit
    {
    }
}
#endif
