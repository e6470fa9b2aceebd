using System.IO.Compression;
using System.Reflection;
using LeadPlugins.Solution;

namespace LeadPlugins.Solution.Tests;

/// <summary>Paths of the repository and of the net462 outputs the tests read, for the configuration the tests were built in.</summary>
internal static class TestRepo
{
    public static string Configuration { get; } =
        typeof(TestRepo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value ?? "Debug";

    public static string ConfigPath { get; } = PacConfig.Locate(AppContext.BaseDirectory);

    public static string Root { get; } = Path.GetDirectoryName(ConfigPath)!;

    public static PacConfig Config { get; } = PacConfig.Load(ConfigPath);

    public static string FixtureAssembly { get; } = Path.Combine(Root, "tests", "LeadPlugins.Solution.Tests.Fixtures", "bin", Configuration, "net462", "LeadPlugins.Solution.Tests.Fixtures.dll");

    public static string PluginsAssembly => Config.AssemblyPaths(Configuration)[0];

    public static string WorkflowsAssembly => Config.AssemblyPaths(Configuration)[1];

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> TempDirectories = new();

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "leadplugins-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        TempDirectories.Add(path);
        return path;
    }

    public static void DeleteTempDirectories()
    {
        foreach (var path in TempDirectories)
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    private static readonly Lazy<PackResult> PackedOnce = new(() =>
    {
        var result = Pack();
        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        return result;
    });

    /// <summary>The fixtures packed once per test run (read-only: tests copy its bytes before changing them).</summary>
    public static PackResult Packed => PackedOnce.Value;

    /// <summary>Packs the product source with the given assemblies (default: the fixtures) into a fresh temp folder.</summary>
    public static PackResult Pack(IReadOnlyList<string>? assemblies = null, bool? managed = null)
        => SolutionPacker.Pack(new PackOptions
        {
            ConfigPath = ConfigPath,
            Configuration = Configuration,
            Output = NewTempDirectory(),
            AssemblyPaths = assemblies ?? new[] { FixtureAssembly },
            Managed = managed,
        });

    public static byte[] Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = archive.GetEntry(name) ?? throw new AssertFailedException(name + " is not in the zip");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static IReadOnlyList<string> EntryNames(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>A copy of <paramref name="zip"/> with entries replaced (return bytes), dropped (return null) or kept.</summary>
    public static byte[] Rewrite(byte[] zip, Func<string, byte[], byte[]?> transform)
    {
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            foreach (var entry in source.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var content = transform(entry.FullName, copy.ToArray());
                if (content == null) continue;
                using var written = target.CreateEntry(entry.FullName).Open();
                written.Write(content, 0, content.Length);
            }
        }
        return output.ToArray();
    }

    public static byte[] RewriteText(byte[] zip, string entryName, Func<string, string> transform)
        => Rewrite(zip, (name, content) => name == entryName
            ? System.Text.Encoding.UTF8.GetBytes(transform(System.Text.Encoding.UTF8.GetString(content)))
            : content);
}
