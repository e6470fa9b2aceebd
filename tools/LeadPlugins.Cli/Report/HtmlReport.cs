using System.Globalization;
using System.Text;
using LeadPlugins.Cli.Output;

namespace LeadPlugins.Cli.Report;

/// <summary>
/// Writes the dry run's report: ONE self-contained HTML file (inline CSS, inline SVG, a few lines of inline script,
/// a Content-Security-Policy that forbids every network request), readable without script and printable. Every
/// string that came from input passes <see cref="SafeText.ForHtml"/> (the CLI's one sanitiser, then HTML encoding).
/// </summary>
public static class HtmlReport
{
    public static void Write(string path, ReportCollector report, string title, DateTime generatedUtc)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        File.WriteAllText(path, Render(report, title, generatedUtc), new UTF8Encoding(false));
    }

    /// <summary><see cref="Write"/>, or the reason it could not (a folder that cannot be written, a path that is a directory): one line, no exception.</summary>
    public static string? TryWrite(string path, ReportCollector report, string title, DateTime generatedUtc)
    {
        try
        {
            Write(path, report, title, generatedUtc);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return "cannot write the report " + SafeText.ForDisplay(path, 400) + ": " + SafeText.ForDisplay(e.Message, 400);
        }
    }

    private static string H(string? text, int max = SafeText.DefaultMaxLength) => SafeText.ForHtml(text, max);
    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Render(ReportCollector r, string title, DateTime generatedUtc)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(H(title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>").Append(H(title)).Append("</h1><p class=\"meta\">Generated ")
            .Append(generatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC by leadplugins simulate: the real plug-ins in the in-memory Dataverse. Input: ");
        html.Append(string.Join(", ", r.Sources.Select(s => "<span class=\"source\">" + H(s.Name) + "</span> (" + H(s.Format) + ", " + N(s.Leads) + " leads, " + N(s.Rejected) + " rejected)")));
        html.Append(".</p>");
        var warnings = r.Sources.SelectMany(s => s.Warnings.Select(w => (s.Name, w))).ToList();
        if (warnings.Count > 0)
        {
            html.Append("<ul class=\"warnings\">");
            foreach (var (source, warning) in warnings.Take(50)) html.Append("<li>").Append(H(source)).Append(": ").Append(H(warning, 400)).Append("</li>");
            html.Append("</ul>");
        }
        html.Append("</header>\n<main>\n");

        // Summary cards.
        html.Append("<section id=\"summary\" class=\"cards\" aria-label=\"Summary\">");
        Card(html, "leads", "Leads", r.Leads, "created through the plug-ins");
        Card(html, "marketplace", "Marketplace", r.Marketplace, "AppSource, Azure Marketplace and Azure portal leads");
        Card(html, "cosell", "Co-sell", r.CoSell, "Microsoft-qualified referrals: never nurtured");
        Card(html, "test", "Test", r.Test, "Partner Center validation leads (MSFT_TEST)");
        Card(html, "rejected", "Rejected", r.Rejected, "lines not created: see Problems");
        Card(html, "partial", "Partial", r.Partial, "saved, enrichment incomplete");
        Card(html, "failed", "Failed", r.Failed, "saved, enrichment failed");
        Card(html, "duplicates", "Duplicates", r.Duplicates, "flagged as a duplicate of an open lead");
        html.Append("</section>\n");

        // Charts.
        var storefronts = r.StorefrontActions.Keys.Select(k => k.Storefront).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        var actions = r.StorefrontActions.Keys.Select(k => k.Action).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        var storefrontPoints = r.StorefrontActions.Select(p => new ChartPoint(p.Key.Storefront, p.Key.Action, p.Value)).ToList();
        Figure(html, "storefront-action", "Leads by storefront and action",
            "Marketplace leads per storefront (AppSource, Azure Marketplace), stacked by what the customer did (Contact me, Get it now, Test drive, ...). Leads that are not marketplace leads have no storefront and are not shown.",
            SvgWriter.StackedBars("chart-storefront-action", "Leads by storefront and action", storefronts, actions, storefrontPoints),
            new[] { "Storefront", "Action", "Leads" }, storefrontPoints.OrderBy(p => p.Category).ThenBy(p => p.Series).Select(p => new[] { p.Category, p.Series, N(p.Value) }));

        var bins = Enumerable.Range(0, ReportCollector.ScoreBins).Select(b => (ReportCollector.ScoreBinLabel(b), r.ScoreHistogram[b])).ToList();
        var thresholds = new List<(string, double)>
        {
            ("Warm ≥ " + r.Thresholds.Warm, r.Thresholds.Warm / 10.0),
            ("Hot ≥ " + r.Thresholds.Hot, r.Thresholds.Hot / 10.0),
        };
        Figure(html, "score-histogram", "Score distribution",
            "Marketplace score (0-100) of each lead in bins of 10 points. The lines mark the rating thresholds: Cold below " + r.Thresholds.Warm + ", Warm from " + r.Thresholds.Warm
            + ", Hot from " + r.Thresholds.Hot + "." + (r.Unscored > 0 ? " " + N(r.Unscored) + " lead(s) have no score (not marketplace)." : string.Empty),
            SvgWriter.Histogram("chart-score-histogram", "Score distribution", bins, thresholds),
            new[] { "Score", "Leads" }, bins.Select(b => new[] { b.Item1, N(b.Item2) }));

        var statuses = r.EnrichmentStatuses.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
        Figure(html, "enrichment-status", "Enrichment status",
            "What enrichment made of each lead: Enriched, Partial (saved with something missing), Failed (saved, enrichment failed), Test, Co-sell, Not marketplace.",
            SvgWriter.HorizontalBars("chart-enrichment-status", "Enrichment status", statuses),
            new[] { "Status", "Leads" }, statuses.Select(s => new[] { s.Key, N(s.Value) }));

        var owners = r.Owners.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(30).Select(p => (p.Key, p.Value)).ToList();
        Figure(html, "owners", "Leads per owner",
            "Who the routing rules gave each lead to (the 30 owners with most leads" + (r.Owners.Count > 30 ? "; " + N(r.Owners.Count - 30) + " more not shown" : string.Empty) + ").",
            SvgWriter.HorizontalBars("chart-owners", "Leads per owner", owners),
            new[] { "Owner", "Leads" }, owners.Select(o => new[] { o.Key, N(o.Value) }));

        var workloadOwners = r.Workload.Keys.Select(k => k.Owner).Distinct().OrderBy(o => o, StringComparer.Ordinal).Take(30).ToList();
        var weeks = r.Workload.Keys.Select(k => k.Week).Distinct().OrderBy(w => w).Take(16).ToList();
        var weekLabels = weeks.Select(w => w.ToString("MM-dd", CultureInfo.InvariantCulture)).ToList();
        var cells = r.Workload.Where(p => workloadOwners.Contains(p.Key.Owner) && weeks.Contains(p.Key.Week))
            .Select(p => new ChartPoint(p.Key.Owner, p.Key.Week.ToString("MM-dd", CultureInfo.InvariantCulture), p.Value)).ToList();
        Figure(html, "workload", "Nurture workload: activities due per owner per week",
            "Nurture activities (tasks, phone calls, draft e-mails) due per owner in each week (columns: the Monday, UTC); darker cells mean more work.",
            SvgWriter.HeatMap("chart-workload", "Nurture workload", workloadOwners, weekLabels, cells),
            new[] { "Owner", "Week of", "Activities due" }, cells.OrderBy(c => c.Category).ThenBy(c => c.Series).Select(c => new[] { c.Category, c.Series, N(c.Value) }));

        Problems(html, r);
        DrillDown(html, r);
        html.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Card(StringBuilder html, string id, string label, int value, string hint)
        => html.Append("<div class=\"card\" id=\"card-").Append(id).Append("\" data-value=\"").Append(value).Append("\"><span class=\"value\">").Append(N(value))
               .Append("</span><span class=\"name\">").Append(label).Append("</span><span class=\"hint\">").Append(hint).Append("</span></div>");

    private static void Figure(StringBuilder html, string id, string title, string caption, string svg, string[] header, IEnumerable<string[]> rows)
    {
        html.Append("<figure id=\"figure-").Append(id).Append("\"><h2>").Append(H(title)).Append("</h2>").Append(svg)
            .Append("<figcaption>").Append(H(caption, 600)).Append("</figcaption>");
        html.Append("<details class=\"alt\"><summary>Data as text</summary><table><thead><tr>");
        foreach (var h in header) html.Append("<th>").Append(H(h)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(H(cell)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></details></figure>\n");
    }

    private static void Problems(StringBuilder html, ReportCollector r)
    {
        html.Append("<section id=\"problems\"><h2>Problems</h2><p>Rejected lines (with the reason) and leads saved with enrichment Partial or Failed (with the enrichment message).")
            .Append(" Click a column heading to sort.</p>");
        html.Append("<p class=\"filter\" hidden><label>Filter <input id=\"problem-filter\" type=\"search\" placeholder=\"text in any column\"></label> <span id=\"problem-count\"></span></p>");
        html.Append("<table id=\"problem-table\"><thead><tr><th>File</th><th data-type=\"number\">Line</th><th>Kind</th><th>Lead</th><th>Reason</th></tr></thead><tbody>");
        foreach (var p in r.Problems)
            html.Append("<tr class=\"problem ").Append(p.Kind.ToLowerInvariant()).Append("\"><td>").Append(H(p.Source)).Append("</td><td>").Append(p.Line).Append("</td><td>").Append(H(p.Kind))
                .Append("</td><td>").Append(H(p.Lead ?? "")).Append("</td><td>").Append(H(p.Message, 400)).Append("</td></tr>");
        html.Append("</tbody></table>");
        if (r.Problems.Count == 0) html.Append("<p class=\"none\">No problems: every line was created and enriched.</p>");
        if (r.ProblemsLeftOut > 0) html.Append("<p class=\"more\">and ").Append(N(r.ProblemsLeftOut)).Append(" more problem(s) not listed (the first ").Append(ReportCollector.MaxProblems).Append(" are shown; --json lists all).</p>");
        html.Append("</section>\n");
    }

    private static void DrillDown(StringBuilder html, ReportCollector r)
    {
        html.Append("<section id=\"leads\"><h2>Leads</h2><p>Each lead's score reasons and nurture timeline.</p>");
        foreach (var item in r.DrillDown)
        {
            var lead = item.Lead;
            html.Append("<details class=\"lead\" data-line=\"").Append(lead.Input).Append("\"><summary><span class=\"line\">").Append(H(item.Source)).Append(":").Append(lead.Input).Append("</span> ")
                .Append(H(lead.Name ?? lead.Email ?? "(no name)")).Append(" <span class=\"tags\">")
                .Append(H(string.Join(" · ", new[] { lead.Storefront, lead.LeadAction, lead.Score is { } s ? s.ToString(CultureInfo.InvariantCulture) + (lead.Rating != null ? " " + lead.Rating : "") : null, lead.EnrichmentStatus }.Where(t => t != null))))
                .Append("</span></summary>");
            html.Append("<dl><dt>Owner</dt><dd>").Append(H(lead.Owner ?? "-")).Append("</dd><dt>Campaign type</dt><dd>").Append(H(lead.CampaignType ?? "-"))
                .Append("</dd><dt>Nurture</dt><dd>").Append(H(lead.NurtureSequence ?? "-")).Append(lead.NurtureStatus != null ? " (" + H(lead.NurtureStatus) + (lead.NurtureReason != null ? ": " + H(lead.NurtureReason) : "") + ")" : "").Append("</dd>");
            if (lead.EnrichmentMessage != null) html.Append("<dt>Enrichment</dt><dd>").Append(H(lead.EnrichmentMessage, 600)).Append("</dd>");
            html.Append("</dl>");
            if (!string.IsNullOrEmpty(lead.ScoreReason))
            {
                html.Append("<h3>Score reasons</h3><ul class=\"reasons\">");
                foreach (var reason in lead.ScoreReason.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(30)) html.Append("<li>").Append(H(reason)).Append("</li>");
                html.Append("</ul>");
            }
            if (lead.NurtureSteps.Count > 0)
            {
                html.Append("<h3>Nurture timeline</h3><ol class=\"timeline\">");
                foreach (var step in lead.NurtureSteps.Take(50))
                    html.Append("<li><time>").Append(step.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-").Append("</time> ").Append(H(step.Type)).Append(": ").Append(H(step.Subject ?? "")).Append("</li>");
                html.Append("</ol>");
            }
            html.Append("</details>");
        }
        if (r.DrillDownLeftOut > 0) html.Append("<p class=\"more\">and ").Append(N(r.DrillDownLeftOut)).Append(" more lead(s) not listed (the first ").Append(ReportCollector.MaxDrillDown).Append(" are shown).</p>");
        html.Append("</section>\n");
    }

    private const string Css = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
header,main{max-width:1100px;margin:0 auto;padding:12px 20px}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:4px 0 8px}h3{font-size:14px;margin:8px 0 4px}
.meta{color:#555}.warnings{color:#8a5300}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin-bottom:16px}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px}
.card .value{display:block;font-size:26px;font-weight:600}.card .name{display:block;font-weight:600}.card .hint{display:block;color:#666;font-size:12px}
#card-rejected .value,#card-failed .value{color:#b00020}#card-partial .value{color:#8a5300}
figure{background:#fff;border:1px solid #dde1e6;border-radius:6px;margin:0 0 16px;padding:12px;overflow-x:auto}
figcaption{color:#444;margin-top:6px}
svg.chart{max-width:100%;height:auto;font-size:11px}
.axis{stroke:#888}.tick,.label,.legend-label,.total{fill:#333}.total{font-weight:600}
.s0{fill:#2f6fb5}.s1{fill:#e07b24}.s2{fill:#3a9a5b}.s3{fill:#c23b3b}.s4{fill:#7b5cb8}.s5{fill:#8c6d46}.s6{fill:#d16fae}.s7{fill:#6d7783}
.threshold{stroke:#b00020;stroke-dasharray:4 3;stroke-width:1.5}.threshold-label{fill:#b00020;font-weight:600}
.h0{fill:#f1f3f5}.h1{fill:#d6e6f5}.h2{fill:#a9cbeb}.h3{fill:#6fa6d9}.h4{fill:#3a7cc0}.h5{fill:#1d4f8a}
.cell-label{fill:#1b1b1b}.cell-label.dark{fill:#fff}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde1e6;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f4;cursor:pointer}td{overflow-wrap:anywhere}#problem-table td:nth-child(2),#problem-table td:nth-child(3){white-space:nowrap}
tr.rejected td:nth-child(3){color:#b00020}tr.failed td:nth-child(3){color:#b00020}tr.partial td:nth-child(3){color:#8a5300}
details.lead{background:#fff;border:1px solid #dde1e6;border-radius:4px;margin:4px 0;padding:4px 8px}
details.lead summary{cursor:pointer}.tags{color:#555}.line{color:#777;font-family:monospace}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{color:#555}dd{margin:0}
.timeline time{font-family:monospace;color:#555}
@media print{body{background:#fff}.filter{display:none!important}figure,.card,details.lead{break-inside:avoid;border-color:#999}
 details.alt{display:none}th{cursor:auto}header,main{max-width:none}}
""";

    private const string Script = """
(function(){
var table=document.getElementById('problem-table');if(!table)return;
var input=document.getElementById('problem-filter'),count=document.getElementById('problem-count');
input.parentNode.parentNode.hidden=false;
var rows=Array.prototype.slice.call(table.tBodies[0].rows);
function update(){var q=input.value.toLowerCase(),shown=0;rows.forEach(function(r){var ok=!q||r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!ok;if(ok)shown++;});count.textContent=shown+' of '+rows.length+' shown';}
input.addEventListener('input',update);update();
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){
var asc=th.getAttribute('aria-sort')!=='ascending',num=th.getAttribute('data-type')==='number';
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){c.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;var d=num?(parseFloat(x)-parseFloat(y)):x.localeCompare(y);return asc?d:-d;});
rows.forEach(function(r){table.tBodies[0].appendChild(r);});});});
})();
""";
}
