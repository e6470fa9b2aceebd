using System.Globalization;
using LeadPlugins.Cli.Commands;
using Spectre.Console;

namespace LeadPlugins.Cli.Live;

/// <summary>
/// How a backfill shows it is alive: on a terminal a progress bar (indeterminate: the number of leads is not known
/// before the last page, and counting them would cost requests), without one a <see cref="ProgressLog"/> line every
/// 10 s, as simulate does.
/// </summary>
public static class BackfillProgress
{
    public delegate Task<BackfillSummary> Run(Action<BackfillSummary> progress);

    /// <summary>A bar on <paramref name="terminal"/> when given, else lines on <paramref name="log"/> when given, else nothing.</summary>
    public static async Task<BackfillSummary> RunAsync(Run run, IAnsiConsole? terminal, ProgressLog? log)
    {
        if (terminal != null)
        {
            BackfillSummary? summary = null;
            await terminal.Progress().AutoClear(true).HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("backfill").IsIndeterminate();
                    summary = await run(s => task.Description = Markup.Escape(Describe(s))).ConfigureAwait(false);
                    task.StopTask();
                }).ConfigureAwait(false);
            return summary!;
        }
        return await run(s => log?.Report(checked((int)s.Read))).ConfigureAwait(false);
    }

    public static string Describe(BackfillSummary s)
        => string.Create(CultureInfo.InvariantCulture, $"backfill: {s.Read:N0} read, {s.Changed:N0} changed, {s.Written:N0} written");
}
