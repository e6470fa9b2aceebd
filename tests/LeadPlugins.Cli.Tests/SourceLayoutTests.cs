using System.Text.RegularExpressions;

namespace LeadPlugins.Cli.Tests;

/// <summary>
/// Navigation rules for the product's and the tools' source (Plugins/, Workflows/, tools/, build/; generated code and
/// tests aside): no source file over 450 lines, and one
/// top-level type per file, the file named after it (nested types are fine; `Name.Part.cs` holds a part of a partial type).
/// </summary>
[TestClass]
public sealed partial class SourceLayoutTests
{
    private const int MaxLines = 450;

    private static readonly string[] Roots = { "Plugins", "Workflows", "tools", "build" };

    [GeneratedRegex(@"^(?:(?:public|internal|file|static|sealed|abstract|partial|readonly|ref)\s+)*(?:class|record\s+struct|record|struct|enum|interface)\s+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex TypeDeclaration();

    /// <summary>Names of the types declared at namespace level (column 0 under a file-scoped namespace, else one indent in).</summary>
    public static IReadOnlyList<string> TopLevelTypes(string source)
    {
        var lines = source.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var indent = lines.Any(l => Regex.IsMatch(l, @"^namespace\s+[\w.]+\s*;")) ? string.Empty : "    ";
        return lines
            .Where(l => l.StartsWith(indent, StringComparison.Ordinal) && (indent.Length == 0 || !char.IsWhiteSpace(l[indent.Length..].FirstOrDefault())))
            .Select(l => TypeDeclaration().Match(l[indent.Length..]))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
    }

    private static IEnumerable<(string Relative, string Path)> SourceFiles()
    {
        foreach (var root in Roots)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, root), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
                yield return (relative, file);
            }
        }
    }

    [TestMethod]
    public void No_source_file_is_longer_than_450_lines()
    {
        var files = SourceFiles().ToList();
        Assert.IsTrue(files.Count > 300, "found only " + files.Count + " files: wrong repository root?");
        var tooLong = files.Select(f => (f.Relative, Lines: File.ReadAllLines(f.Path).Length)).Where(f => f.Lines > MaxLines)
            .Select(f => f.Relative + ": " + f.Lines + " lines").ToList();
        Assert.AreEqual(0, tooLong.Count, "split by concern:\n" + string.Join("\n", tooLong));
    }

    [TestMethod]
    public void Every_source_file_holds_one_top_level_type_named_like_the_file()
    {
        var wrong = new List<string>();
        foreach (var (relative, path) in SourceFiles())
        {
            var types = TopLevelTypes(File.ReadAllText(path));
            var expected = Path.GetFileName(path).Split('.')[0];
            if (types.Count != 1 || types[0] != expected)
                wrong.Add(relative + ": " + (types.Count == 0 ? "no type" : string.Join(", ", types)));
        }
        Assert.AreEqual(0, wrong.Count, "one type per file, the file named after it:\n" + string.Join("\n", wrong));
    }

    [TestMethod]
    public void The_scan_sees_every_top_level_type_and_no_nested_one()
    {
        const string fileScoped = "namespace A;\n\n/// <summary>x</summary>\npublic sealed record B(int C);\n\ninternal static partial class D\n{\n    private sealed class E { }\n}\npublic enum F { G }\n";
        CollectionAssert.AreEqual(new[] { "B", "D", "F" }, TopLevelTypes(fileScoped).ToList());
        const string blockScoped = "namespace A\n{\n    public static class B\n    {\n        private sealed record C(int D);\n    }\n}\n";
        CollectionAssert.AreEqual(new[] { "B" }, TopLevelTypes(blockScoped).ToList());
    }
}
