using LeadPlugins.Schema;
using System.Globalization;
using System.Reflection;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Cli.Live;

/// <summary>
/// Reads an environment and compares it with this build: the solution and its version, the steps the code declares
/// (registered, enabled), the Marketplace Lead Writer solution, and the last days of leads, enrolments, failed system
/// jobs and plug-in traces of our types. Reads only.
/// </summary>
public sealed class EnvironmentDoctor
{
    public const string WriterSolutionName = "Microsoft Marketplace Lead Writer";

    private readonly WebApiOrganizationService _service;
    private readonly string _solutionName;
    private readonly string? _localVersion;
    private readonly IReadOnlyList<string> _declaredSteps;
    private readonly Func<DateTime> _clock;

    public EnvironmentDoctor(WebApiOrganizationService service, string solutionName, string? localVersion, Assembly pluginAssembly, Func<DateTime>? clock = null)
    {
        _service = service;
        _solutionName = solutionName;
        _localVersion = localVersion;
        _clock = clock ?? (() => DateTime.UtcNow);
        _declaredSteps = pluginAssembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<PluginStepAttribute>(false))
            .Select(a => a.Name).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    public async Task<List<DoctorCheck>> RunAsync(int days, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        var who = await _service.WhoAmIAsync(cancellationToken).ConfigureAwait(false);
        checks.Add(new DoctorCheck("connection", true, "signed in as user " + who.Results["UserId"] + " of organization " + who.Results["OrganizationId"]));

        var solutions = await _service.QueryAllAsync("solution", "$select=uniquename,friendlyname,version", cancellationToken).ConfigureAwait(false);
        var ours = solutions.FirstOrDefault(s => string.Equals(s.GetAttributeValue<string>("uniquename"), _solutionName, StringComparison.OrdinalIgnoreCase));
        if (ours == null)
            checks.Add(new DoctorCheck("solution", false, _solutionName + " is not installed", "import the solution zip (leadplugins pack builds it) in the maker portal or with pac solution import"));
        else
        {
            var installed = ours.GetAttributeValue<string>("version") ?? "?";
            var older = _localVersion != null && Version.TryParse(installed, out var i) && Version.TryParse(_localVersion, out var l) && i < l;
            checks.Add(older
                ? new DoctorCheck("solution", false, _solutionName + " " + installed + " is installed; this build is " + _localVersion, "import the newer solution zip (leadplugins pack)")
                : new DoctorCheck("solution", true, _solutionName + " " + installed + " installed" + (_localVersion != null ? " (this build: " + _localVersion + ")" : string.Empty)));
        }
        var writer = solutions.Any(s => string.Equals(s.GetAttributeValue<string>("friendlyname"), WriterSolutionName, StringComparison.OrdinalIgnoreCase));
        checks.Add(writer
            ? new DoctorCheck("lead writer", true, WriterSolutionName + " installed")
            : new DoctorCheck("lead writer", false, WriterSolutionName + " is not installed: marketplace leads cannot arrive", "in Partner Center choose Dynamics 365 as the lead destination; it installs the Lead Writer solution"));

        foreach (var name in _declaredSteps)
        {
            var rows = await _service.QueryAllAsync("sdkmessageprocessingstep", "$select=name,statecode&$filter=name eq '" + name.Replace("'", "''", StringComparison.Ordinal) + "'", cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
                checks.Add(new DoctorCheck("step", false, "'" + name + "' is not registered", "import the solution zip again: it carries every step"));
            else if (rows.Any(r => r.GetAttributeValue<OptionSetValue>("statecode")?.Value == 1))
                checks.Add(new DoctorCheck("step", false, "'" + name + "' is disabled", "enable it: solution > Plug-in steps > the step > Turn on"));
            else
                checks.Add(new DoctorCheck("step", true, "'" + name + "' registered and enabled"));
        }

        var since = _clock().AddDays(-days);
        await CheckLeadsAsync(checks, since, days, cancellationToken).ConfigureAwait(false);

        var enrolments = await CountAsync(NurtureEnrollmentTable.LogicalName, since, cancellationToken).ConfigureAwait(false);
        checks.Add(new DoctorCheck("enrolments", true, enrolments.ToString("N0", CultureInfo.InvariantCulture) + " nurture enrolment(s) created in the last " + days + " days"));

        var sinceText = ODataValues.WriteDateTime(since);
        var failedJobs = (await _service.QueryAllAsync("asyncoperation", "$select=name,message,createdon&$filter=statuscode eq 31 and createdon ge " + sinceText, cancellationToken).ConfigureAwait(false))
            .Where(j => IsOurs(j.GetAttributeValue<string>("name"))).ToList();
        checks.Add(failedJobs.Count == 0
            ? new DoctorCheck("system jobs", true, "no failed system job of LeadPlugins in the last " + days + " days")
            : new DoctorCheck("system jobs", false, failedJobs.Count.ToString("N0", CultureInfo.InvariantCulture) + " failed system job(s) of LeadPlugins, e.g. " + First(failedJobs[0].GetAttributeValue<string>("message")),
                "open Settings > System jobs, filter on Failed, fix the cause, then resume them (or run leadplugins backfill --enrol)"));

        var traces = (await _service.QueryAllAsync("plugintracelog", "$select=typename,messageblock,exceptiondetails,createdon&$filter=createdon ge " + sinceText, cancellationToken).ConfigureAwait(false))
            .Where(t => t.GetAttributeValue<string>("typename")?.StartsWith("LeadPlugins.", StringComparison.Ordinal) == true).ToList();
        var exceptions = traces.Count(t => !string.IsNullOrWhiteSpace(t.GetAttributeValue<string>("exceptiondetails")));
        checks.Add(exceptions == 0
            ? new DoctorCheck("plug-in traces", true, traces.Count.ToString("N0", CultureInfo.InvariantCulture) + " trace line(s) of our steps, no exception")
            : new DoctorCheck("plug-in traces", false, exceptions.ToString("N0", CultureInfo.InvariantCulture) + " of " + traces.Count.ToString("N0", CultureInfo.InvariantCulture) + " trace line(s) of our steps carry an exception",
                "read them in Settings > Plug-in trace log (type LeadPlugins.*)"));
        return checks;
    }

    private async Task CheckLeadsAsync(List<DoctorCheck> checks, DateTime since, int days, CancellationToken cancellationToken)
    {
        var columns = new[] { LeadTable.Columns.Subject, LeadTable.Columns.Description, LeadTable.Columns.LeadSource, LeadTable.Columns.ActionCode, LeadTable.Columns.EnrichmentStatus };
        var byStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int notEnriched = 0, notRecognised = 0, total = 0;
        await foreach (var page in new LeadPages(columns, null, since, neverEnrichedOnly: false).ReadAsync(_service, null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var lead in page)
            {
                total++;
                var status = lead.GetAttributeValue<OptionSetValue>(LeadTable.Columns.EnrichmentStatus)?.Value;
                var label = status is int value && Enum.IsDefined(typeof(EnrichmentStatus), value) ? ((EnrichmentStatus)value).ToString() : status?.ToString(CultureInfo.InvariantCulture) ?? "not enriched";
                byStatus[label] = byStatus.GetValueOrDefault(label) + 1;
                if (status != null && status != (int)EnrichmentStatus.NotMarketplace) continue;
                var looksMarketplace = MarketplaceLeadEnricher.Enrich(new LeadFields
                {
                    Subject = lead.GetAttributeValue<string>(LeadTable.Columns.Subject),
                    Description = lead.GetAttributeValue<string>(LeadTable.Columns.Description),
                    LeadSource = lead.GetAttributeValue<string>(LeadTable.Columns.LeadSource),
                    ActionCode = lead.GetAttributeValue<string>(LeadTable.Columns.ActionCode),
                }, null).IsMarketplace;
                if (!looksMarketplace) continue;
                if (status == null) notEnriched++;
                else notRecognised++;
            }
        }
        checks.Add(new DoctorCheck("leads", true, total.ToString("N0", CultureInfo.InvariantCulture) + " lead(s) in the last " + days + " days: "
            + (byStatus.Count == 0 ? "none" : string.Join(", ", byStatus.Select(p => p.Key + " " + p.Value.ToString("N0", CultureInfo.InvariantCulture))))));
        if (notEnriched > 0)
            checks.Add(new DoctorCheck("leads", false, notEnriched.ToString("N0", CultureInfo.InvariantCulture) + " marketplace-looking lead(s) were never enriched (created before the solution, or its step was off)",
                "run leadplugins backfill (dry run), then backfill --apply"));
        if (notRecognised > 0)
            checks.Add(new DoctorCheck("leads", false, notRecognised.ToString("N0", CultureInfo.InvariantCulture) + " lead(s) marked Not marketplace look like marketplace leads to this build",
                "update the solution to this build; backfill only touches leads never enriched"));
        var failed = byStatus.GetValueOrDefault(nameof(EnrichmentStatus.Failed));
        if (failed > 0)
            checks.Add(new DoctorCheck("leads", false, failed.ToString("N0", CultureInfo.InvariantCulture) + " lead(s) failed enrichment", "read their Enrichment message and the plug-in trace log"));
    }

    private async Task<long> CountAsync(string table, DateTime since, CancellationToken cancellationToken)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(false), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
        query.Criteria.AddCondition(LeadTable.Columns.CreatedOn, ConditionOperator.GreaterEqual, since);
        long count = 0;
        while (true)
        {
            var page = await _service.RetrieveMultipleAsync(query, cancellationToken).ConfigureAwait(false);
            count += page.Entities.Count;
            if (!page.MoreRecords) return count;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    private static bool IsOurs(string? name) => name != null && name.StartsWith("LeadPlugins", StringComparison.Ordinal);

    private static string First(string? text) => string.IsNullOrEmpty(text) ? "(no message)" : text.Split('\n')[0].Trim();
}
