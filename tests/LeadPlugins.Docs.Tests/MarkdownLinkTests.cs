using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace LeadPlugins.Docs.Tests;

/// <summary>README.md is the front door and docs/ holds the rest: every relative link resolves, anchors included.</summary>
[TestClass]
public sealed partial class MarkdownLinkTests
{
    private static string RepoRoot => typeof(MarkdownLinkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private static IEnumerable<string> Pages() =>
        new[] { Path.Combine(RepoRoot, "README.md") }.Concat(Directory.GetFiles(Path.Combine(RepoRoot, "docs"), "*.md", SearchOption.AllDirectories));

    [TestMethod]
    public void README_is_a_front_door_of_at_most_10_KB()
    {
        var bytes = new FileInfo(Path.Combine(RepoRoot, "README.md")).Length;
        Assert.IsLessThanOrEqualTo(10 * 1024, bytes, "README.md is " + bytes + " bytes; move details to docs/");
    }

    [TestMethod]
    public void README_links_every_page_in_docs()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        foreach (var page in Directory.GetFiles(Path.Combine(RepoRoot, "docs"), "*.md"))
            StringAssert.Contains(readme, "(docs/" + Path.GetFileName(page), "README.md links " + Path.GetFileName(page));
    }

    [TestMethod]
    public void Every_relative_link_resolves_to_a_file_and_an_existing_heading()
    {
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var page in Pages())
        {
            foreach (var target in Links(File.ReadAllText(page)))
            {
                if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1) continue; // http(s), mailto
                checkedLinks++;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var pathPart = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var file = pathPart.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(pathPart)));
                var where = Path.GetRelativePath(RepoRoot, page) + " -> " + target;
                if (!File.Exists(file) && !Directory.Exists(file)) { broken.Add(where + ": no such file"); continue; }
                if (anchor != null && file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(File.ReadAllText(file)).Contains(anchor))
                    broken.Add(where + ": no heading with that anchor");
            }
        }
        Assert.IsGreaterThan(20, checkedLinks, "the pages link each other");
        Assert.IsEmpty(broken, string.Join("\n", broken));
    }

    [TestMethod]
    public void Anchors_follow_GitHub_heading_slugs()
    {
        var anchors = Anchors("# A\n## The plug-in: `EnrichMarketplaceLead` over `X`\n```\n# not a heading\n```\n## Same\n## Same\n");
        CollectionAssert.AreEquivalent(new[] { "a", "the-plug-in-enrichmarketplacelead-over-x", "same", "same-1" }, anchors.ToList());
    }

    [TestMethod]
    public void Links_inside_code_are_not_links()
        => Assert.AreEqual(0, Links("`[x](nowhere.md)`\n```\n[y](nowhere.md)\n```\n").Count());

    /// <summary>Markdown link targets outside code spans and fenced blocks.</summary>
    private static IEnumerable<string> Links(string markdown)
    {
        foreach (var line in ProseLines(markdown))
            foreach (Match m in Link().Matches(CodeSpan().Replace(line, "")))
                yield return m.Groups[1].Value;
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in ProseLines(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success) continue;
            var slug = new StringBuilder();
            foreach (var c in heading.Groups[1].Value.Trim().ToLowerInvariant())
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_') slug.Append(c);
                else if (c == ' ') slug.Append('-');
            var s = slug.ToString();
            seen[s] = seen.TryGetValue(s, out var n) ? n + 1 : 0;
            anchors.Add(seen[s] == 0 ? s : s + "-" + seen[s]);
        }
        return anchors;
    }

    private static IEnumerable<string> ProseLines(string markdown)
    {
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (!inFence) yield return line;
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#{1,6}\s+(.*)$")]
    private static partial Regex Heading();
}
