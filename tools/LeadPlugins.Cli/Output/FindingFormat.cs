using LeadPlugins.Cli.Output;
using Spectre.Console;

namespace LeadPlugins.Cli.Output;

public enum FindingFormat
{
    /// <summary>A table for people.</summary>
    Table,
    /// <summary>One line per finding: "error LP0301 customizations.xml:12: ...".</summary>
    Lines,
    /// <summary>MSBuild's canonical form ("file(line): error LP0301: ..."), so a build lists them as errors and warnings.</summary>
    Msbuild,
}
