using System.CommandLine;
using Spectre.Console;

namespace LeadPlugins.Cli;

/// <summary>A `leadplugins` sub-command. Add one by implementing this and listing it in <see cref="Cli.Commands"/>.</summary>
public interface ICliCommand
{
    Command Build(CliConsoles consoles);
}
