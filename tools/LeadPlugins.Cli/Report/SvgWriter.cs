using System.Globalization;
using System.Net;
using System.Text;
using LeadPlugins.Cli.Output;

namespace LeadPlugins.Cli.Report;

/// <summary>
/// Inline SVG charts for the HTML report: stacked bars, a histogram with threshold lines, horizontal bars and a heat
/// map. Every mark carries data-category / data-series / data-value (what the browser test compares with simulate's
/// JSON) and a &lt;title&gt; tooltip; every label passes <see cref="SafeText.ForHtml"/>. Colours come from CSS classes
/// (s0..s7), so the print stylesheet can change them.
/// </summary>
public static class SvgWriter
{
    private const int Width = 640;
    private const int LabelWidth = 170;

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
    private static string Text(string value) => SafeText.ForHtml(value, 60);

    /// <summary>Vertical bars, one per category, stacked by series (in the order given).</summary>
    public static string StackedBars(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<string> series, IReadOnlyList<ChartPoint> points)
    {
        const int height = 300, top = 20, bottom = 60, left = 40;
        var plotHeight = height - top - bottom;
        var totals = categories.Select(c => points.Where(p => p.Category == c).Sum(p => p.Value)).ToList();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var band = (Width - left - 150) / (double)Math.Max(1, categories.Count);
        var svg = Open(id, title, height);
        Axis(svg, left, top, plotHeight, max);
        for (var c = 0; c < categories.Count; c++)
        {
            var x = left + c * band + band * 0.15;
            var y = (double)(top + plotHeight);
            foreach (var (name, s) in series.Select((name, s) => (name, s)))
            {
                var value = points.Where(p => p.Category == categories[c] && p.Series == name).Sum(p => p.Value);
                if (value == 0) continue;
                var h = value * plotHeight / (double)max;
                y -= h;
                Rect(svg, "bar s" + (s % 8), x, y, band * 0.7, h, categories[c], name, value);
            }
            svg.Append("<text class=\"label\" x=\"").Append(N(x + band * 0.35)).Append("\" y=\"").Append(top + plotHeight + 16)
               .Append("\" text-anchor=\"middle\">").Append(Text(categories[c])).Append("</text>");
            svg.Append("<text class=\"total\" x=\"").Append(N(x + band * 0.35)).Append("\" y=\"").Append(N(y - 4))
               .Append("\" text-anchor=\"middle\">").Append(Count(totals[c])).Append("</text>");
        }
        Legend(svg, series, Width - 140, top);
        return Close(svg);
    }

    /// <summary>A histogram of bins (label, count) with vertical lines at the given thresholds (bin index where each starts).</summary>
    public static string Histogram(string id, string title, IReadOnlyList<(string Label, int Count)> bins, IReadOnlyList<(string Name, double Position)> thresholds)
    {
        const int height = 280, top = 24, bottom = 40, left = 40;
        var plotHeight = height - top - bottom;
        var max = Math.Max(1, bins.Select(b => b.Count).DefaultIfEmpty(0).Max());
        var plotWidth = Width - left - 20;
        var band = plotWidth / (double)Math.Max(1, bins.Count);
        var svg = Open(id, title, height);
        Axis(svg, left, top, plotHeight, max);
        for (var i = 0; i < bins.Count; i++)
        {
            var h = bins[i].Count * plotHeight / (double)max;
            Rect(svg, "bar s0", left + i * band + 1, top + plotHeight - h, band - 2, h, bins[i].Label, "leads", bins[i].Count);
            svg.Append("<text class=\"label\" x=\"").Append(N(left + i * band + band / 2)).Append("\" y=\"").Append(top + plotHeight + 16)
               .Append("\" text-anchor=\"middle\">").Append(Text(bins[i].Label)).Append("</text>");
        }
        foreach (var (name, position) in thresholds)
        {
            var x = left + position * band;
            svg.Append("<line class=\"threshold\" data-threshold=\"").Append(Text(name)).Append("\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x))
               .Append("\" y1=\"").Append(top - 10).Append("\" y2=\"").Append(top + plotHeight).Append("\"/>");
            svg.Append("<text class=\"threshold-label\" x=\"").Append(N(x + 3)).Append("\" y=\"").Append(top - 2).Append("\">").Append(Text(name)).Append("</text>");
        }
        return Close(svg);
    }

    /// <summary>Horizontal bars, one per (label, value), in the order given.</summary>
    public static string HorizontalBars(string id, string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        const int row = 22, top = 8;
        var height = top * 2 + Math.Max(1, bars.Count) * row;
        var max = Math.Max(1, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var plotWidth = Width - LabelWidth - 60;
        var svg = Open(id, title, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + i * row;
            svg.Append("<text class=\"label\" x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 15).Append("\" text-anchor=\"end\">").Append(Text(bars[i].Label)).Append("</text>");
            var w = bars[i].Value * plotWidth / (double)max;
            Rect(svg, "bar s" + (i % 8), LabelWidth, y + 3, w, row - 6, bars[i].Label, "leads", bars[i].Value);
            svg.Append("<text class=\"total\" x=\"").Append(N(LabelWidth + w + 4)).Append("\" y=\"").Append(y + 15).Append("\">").Append(Count(bars[i].Value)).Append("</text>");
        }
        return Close(svg);
    }

    /// <summary>A heat map: rows × columns of counts (darker = more), each cell labelled with its count.</summary>
    public static string HeatMap(string id, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<ChartPoint> cells)
    {
        const int cellHeight = 24, top = 40;
        var cellWidth = Math.Max(28, Math.Min(60, (Width - LabelWidth - 10) / Math.Max(1, columns.Count)));
        var width = Math.Max(Width, LabelWidth + columns.Count * cellWidth + 10);
        var height = top + Math.Max(1, rows.Count) * cellHeight + 10;
        var max = Math.Max(1, cells.Select(c => c.Value).DefaultIfEmpty(0).Max());
        var svg = Open(id, title, height, width);
        for (var c = 0; c < columns.Count; c++)
            svg.Append("<text class=\"label\" x=\"").Append(LabelWidth + c * cellWidth + cellWidth / 2).Append("\" y=\"").Append(top - 8)
               .Append("\" text-anchor=\"middle\">").Append(Text(columns[c])).Append("</text>");
        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + r * cellHeight;
            svg.Append("<text class=\"label\" x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 16).Append("\" text-anchor=\"end\">").Append(Text(rows[r])).Append("</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var value = cells.Where(p => p.Category == rows[r] && p.Series == columns[c]).Sum(p => p.Value);
                var level = value == 0 ? 0 : 1 + (int)Math.Round(4.0 * value / max);
                Rect(svg, "cell h" + Math.Min(5, level), LabelWidth + c * cellWidth + 1, y + 1, cellWidth - 2, cellHeight - 2, rows[r], columns[c], value);
                if (value > 0)
                    svg.Append("<text class=\"cell-label").Append(level >= 4 ? " dark" : string.Empty).Append("\" x=\"").Append(LabelWidth + c * cellWidth + cellWidth / 2)
                       .Append("\" y=\"").Append(y + 16).Append("\" text-anchor=\"middle\">").Append(Count(value)).Append("</text>");
            }
        }
        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, int height, int width = Width)
    {
        var svg = new StringBuilder(2048);
        svg.Append("<svg id=\"").Append(WebUtility.HtmlEncode(id)).Append("\" class=\"chart\" role=\"img\" aria-labelledby=\"").Append(WebUtility.HtmlEncode(id)).Append("-title\" viewBox=\"0 0 ")
           .Append(width).Append(' ').Append(height).Append("\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"").Append(WebUtility.HtmlEncode(id)).Append("-title\">").Append(Text(title)).Append("</title>");
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Axis(StringBuilder svg, int left, int top, int plotHeight, int max)
    {
        svg.Append("<line class=\"axis\" x1=\"").Append(left).Append("\" x2=\"").Append(left).Append("\" y1=\"").Append(top).Append("\" y2=\"").Append(top + plotHeight).Append("\"/>");
        svg.Append("<line class=\"axis\" x1=\"").Append(left).Append("\" x2=\"").Append(Width - 10).Append("\" y1=\"").Append(top + plotHeight).Append("\" y2=\"").Append(top + plotHeight).Append("\"/>");
        svg.Append("<text class=\"tick\" x=\"").Append(left - 4).Append("\" y=\"").Append(top + 4).Append("\" text-anchor=\"end\">").Append(Count(max)).Append("</text>");
        svg.Append("<text class=\"tick\" x=\"").Append(left - 4).Append("\" y=\"").Append(top + plotHeight).Append("\" text-anchor=\"end\">0</text>");
    }

    private static void Rect(StringBuilder svg, string cssClass, double x, double y, double w, double h, string category, string series, int value)
    {
        svg.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(0, w)))
           .Append("\" height=\"").Append(N(Math.Max(0, h))).Append("\" data-category=\"").Append(Text(category)).Append("\" data-series=\"").Append(Text(series))
           .Append("\" data-value=\"").Append(value).Append("\"><title>").Append(Text(category)).Append(" · ").Append(Text(series)).Append(": ").Append(value).Append("</title></rect>");
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<string> series, int x, int top)
    {
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append("<rect class=\"legend s").Append(s % 8).Append("\" x=\"").Append(x).Append("\" y=\"").Append(top + s * 18).Append("\" width=\"12\" height=\"12\"/>");
            svg.Append("<text class=\"legend-label\" x=\"").Append(x + 16).Append("\" y=\"").Append(top + s * 18 + 10).Append("\">").Append(Text(series[s])).Append("</text>");
        }
    }
}
