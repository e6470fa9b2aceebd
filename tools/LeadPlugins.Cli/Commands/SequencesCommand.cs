using System.CommandLine;
using System.Globalization;
using System.Text;
using LeadPlugins.Cli.Output;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Cli.Sequences;
using LeadPlugins.Schema;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>
/// `leadplugins sequences`: prints the built-in nurture sequences as admins copy them into mpl_nurturesequence and
/// mpl_nurturestep rows. With --campaign or --action it prints the timeline one lead would get instead: the built-in
/// sequence it falls back to and each activity with its due date (the same planner the enrolment plug-in uses).
/// </summary>
public sealed class SequencesCommand : ICliCommand
{
    public Command Build(CliConsoles consoles)
    {
        var console = consoles.Out;
        var campaign = new Option<CampaignType?>("--campaign") { Description = "Timeline for a lead of this campaign type (Nurture = AppSource, DemandGeneration = Azure Marketplace)", CustomParser = OptionValues.Enum<CampaignType> };
        var action = new Option<LeadAction?>("--action") { Description = "Timeline for a lead with this action (ContactMe, GetItNow, Create, TestDrive, FreeTrial, Other)", CustomParser = OptionValues.Enum<LeadAction> };
        var created = new Option<DateTime?>("--created") { Description = "The lead's createdon, ISO 8601 from 2000-01-01 to 2100-12-31 (UTC unless an offset is given, e.g. 2026-03-02T09:30:00Z; default: now)", CustomParser = OptionValues.Date };
        var verbose = OptionValues.Verbose();
        var timeZone = new Option<string?>("--time-zone") { Description = "Windows time zone id of the business days (default UTC), e.g. \"W. Europe Standard Time\"" };
        var firstName = new Option<string?>("--first-name") { Description = "{firstname} of the timeline's lead" };
        var company = new Option<string?>("--company") { Description = "{companyname} of the timeline's lead" };
        var offer = new Option<string?>("--offer") { Description = "{offertitle} of the timeline's lead" };

        var command = new Command("sequences", "Print the built-in nurture sequences (copyable into rows), or with --campaign/--action the timeline one lead gets.")
        {
            campaign, action, created, timeZone, firstName, company, offer, verbose,
        };
        command.SetAction(parse =>
        {
            var campaignType = parse.GetValue(campaign);
            var leadAction = parse.GetValue(action);
            if (campaignType == null && leadAction == null)
            {
                Write(console, NurtureSequenceFormatter.FormatBuiltIns());
                return Cli.Success;
            }

            var calendar = BusinessCalendar.FromTimeZoneId(parse.GetValue(timeZone));
            if (calendar.Diagnostic != null) console.MarkupLine("[yellow]" + Markup.Escape(SafeText.ForDisplay(calendar.Diagnostic)) + "[/]");
            var createdOn = parse.GetValue(created) is { } given ? BusinessCalendar.ToUtc(given) : DateTime.UtcNow;
            var lead = new NurtureLeadContext
            {
                CampaignType = campaignType ?? CampaignType.Nurture,
                Storefront = (campaignType ?? CampaignType.Nurture) == CampaignType.DemandGeneration ? Storefront.AzureMarketplace : Storefront.AppSource,
                Action = leadAction,
                FirstName = parse.GetValue(firstName),
                LeadName = parse.GetValue(firstName),
                CompanyName = parse.GetValue(company),
                OfferTitle = parse.GetValue(offer),
            };
            var selection = NurtureSequenceSelector.Select(lead, null);
            var plan = new NurturePlanner(calendar.Calendar).Plan(selection.Sequence, lead, createdOn);
            Write(console, FormatTimeline(plan, calendar.Calendar));
            return Cli.Success;
        });
        return command;
    }

    /// <summary>The enrolment and its activities as the enrolment plug-in would write them (due dates in UTC and local time).</summary>
    public static string FormatTimeline(NurturePlan plan, BusinessCalendar calendar)
    {
        var sb = new StringBuilder();
        var zone = calendar.TimeZone;
        string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        sb.Append("Enrolment: ").Append(SafeText.ForDisplay(plan.EnrollmentName)).Append('\n');
        sb.Append("  status ").Append(NurtureLabels.Of(plan.Status))
          .Append(", started ").Append(plan.EnrolledOnUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC")
          .Append(", steps ").Append(plan.StepsScheduled.ToString(CultureInfo.InvariantCulture))
          .Append(", next due ").Append(plan.NextDueDateUtc.HasValue ? Local(plan.NextDueDateUtc.Value) : "-")
          .Append(", stop on qualify ").Append(plan.StopOnQualifyOrDisqualify ? "yes" : "no").Append('\n');
        sb.Append("  time zone ").Append(zone.Id).Append(", due at ").Append(calendar.EndOfBusinessDay.ToString(@"hh\:mm", CultureInfo.InvariantCulture)).Append(" local\n");
        sb.Append("  step  day  due (local)           activity     priority  subject\n");
        foreach (var activity in plan.Activities)
        {
            sb.Append("  ").Append(activity.StepOrder.ToString(CultureInfo.InvariantCulture).PadLeft(4))
              .Append(' ').Append(activity.OffsetBusinessDays.ToString(CultureInfo.InvariantCulture).PadLeft(4))
              .Append("  ").Append(Local(activity.DueDateUtc).PadRight(20))
              .Append("  ").Append((activity.ActivityType == NurtureActivityType.Email ? "E-mail draft" : NurtureLabels.Of(activity.ActivityType)).PadRight(12))
              .Append(' ').Append(NurtureLabels.Of(activity.StepPriority).PadRight(9))
              .Append(' ').Append(SafeText.ForDisplay(activity.Subject)).Append('\n');
        }
        foreach (var diagnostic in plan.Diagnostics) sb.Append("  note: ").Append(SafeText.ForDisplay(diagnostic, 1000)).Append('\n');
        return sb.ToString();
    }

    // Raw text (no markup, no wrapping): the output is meant to be copied.
    private static void Write(IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.Write(text);
        console.Profile.Out.Writer.Flush();
    }
}
