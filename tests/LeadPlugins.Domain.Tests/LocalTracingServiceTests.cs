using System.Text.RegularExpressions;
using LeadPlugins.Plugins.Execution;
using LeadPlugins.Plugins.Services;
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

    [TestMethod]
    public void A_line_built_in_place_gets_the_prefix_once_and_lines_do_not_mix()
    {
        var recorder = new Recorder();
        ILineTracingService tracing = new LocalTracingService(recorder);
        tracing.StartLine().Append("first ").Append(1);
        tracing.EndLine();
        tracing.TraceLine("between {0}");
        tracing.StartLine().Append("second");
        tracing.EndLine();
        CollectionAssert.AreEqual(new[] { "first 1", "between {0}", "second" }, recorder.Lines.Select(WithoutPrefix).ToArray());
    }

    [TestMethod]
    public void Without_a_platform_service_a_built_line_goes_nowhere()
    {
        ILineTracingService tracing = new LocalTracingService(null);
        tracing.StartLine().Append("dropped");
        tracing.EndLine();
        tracing.TraceLine("dropped too");
    }
}
