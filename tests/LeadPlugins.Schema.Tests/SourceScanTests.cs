using System.Text.RegularExpressions;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Schema.Tests;

/// <summary>
/// Code names tables and columns through the generated vocabulary only: no string literal in Plugins/, Workflows/,
/// tests/ or tools/ spells the logical name of one of the solution's tables or mpl_ columns.
/// </summary>
[TestClass]
public sealed partial class SourceScanTests
{
    [GeneratedRegex("(?<![$@\\w])\"(mpl_[a-z0-9_]+)\"")]
    private static partial Regex MplLiteral();

    [TestMethod]
    public void No_source_file_spells_a_table_or_column_name_of_the_solution()
    {
        var source = SolutionSource.Load(RepoFiles.Path("Solution", "src"));
        var names = source.Tables.SelectMany(t => t.Columns.Select(c => c.LogicalName).Append(t.LogicalName).Append(t.PrimaryId))
            .Where(n => n.StartsWith("mpl_", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        var scanned = 0;
        foreach (var folder in new[] { "Plugins", "Workflows", "tests", "tools" })
        {
            foreach (var file in Directory.EnumerateFiles(RepoFiles.Path(folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepoFiles.Root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
                scanned++;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var trimmed = lines[i].TrimStart();
                    if (trimmed.StartsWith("//", StringComparison.Ordinal)) continue; // comments may name columns for the reader
                    foreach (Match match in MplLiteral().Matches(lines[i]))
                        if (names.Contains(match.Groups[1].Value)) found.Add(relative + ":" + (i + 1) + ": " + match.Value);
                }
            }
        }

        Assert.IsTrue(scanned > 100, "scanned only " + scanned + " files: wrong repository root?");
        Assert.AreEqual(0, found.Count, "Use the schema vocabulary (LeadPlugins.Schema, e.g. LeadTable.Columns.Storefront) instead of:\n" + string.Join("\n", found));
    }

    [TestMethod]
    public void The_scan_sees_a_literal_when_there_is_one()
    {
        Assert.IsTrue(MplLiteral().IsMatch("row[\"mpl_storefront\"] = 1;"));
        Assert.IsFalse(MplLiteral().IsMatch("row[LeadTable.Columns.Storefront] = 1;"));
    }
}
