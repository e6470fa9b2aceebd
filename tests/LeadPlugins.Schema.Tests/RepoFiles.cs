using System.Reflection;

namespace LeadPlugins.Schema.Tests;

internal static class RepoFiles
{
    public static string Root { get; } = typeof(RepoFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());
}
