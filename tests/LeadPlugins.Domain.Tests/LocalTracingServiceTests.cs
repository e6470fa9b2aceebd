using System.Text.RegularExpressions;
using LeadPlugins.Plugins.Execution;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Domain.Tests;

/// <summary>The [+Nms] prefix, and a line traced as "{0}" with its text reaching the platform exactly as written.</summary>
[TestClass]
public sealed class LocalTracingServiceTests
{
    private sealed class Recorder : ITracingService
    {
        public List<string> Lines { get; } = new();
        public void Trace(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }

    private static string WithoutPrefix(string line)
    {
        var match = Regex.Match(line, @"^\[\+\d+ms\] (.*)$", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, line);
        return match.Groups[1].Value;
    }

    [TestMethod]
    public void A_built_line_passes_unchanged_and_a_format_is_formatted()
    {
        var recorder = new Recorder();
        var tracing = new LocalTracingService(recorder);
        tracing.Trace("{0}", "braces {1} and {{ stay as written");
        tracing.Trace("{0} of {1}: {2:0.0}", "step", 3, 1.25);
        tracing.Trace("no arguments {0}");
        tracing.Trace("{0}", 42);
        CollectionAssert.AreEqual(
            new[] { "braces {1} and {{ stay as written", "step of 3: 1.3", "no arguments {0}", "42" },
            recorder.Lines.Select(WithoutPrefix).ToArray());
    }
}
