using System.CommandLine;
using Spectre.Console;

namespace LeadPlugins.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/> (stdout), progress and diagnostics to <see cref="Error"/> (stderr).</summary>
public sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error);
