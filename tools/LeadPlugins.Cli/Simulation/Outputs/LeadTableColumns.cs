namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Which columns the lead table shows at a console width: all ten from <see cref="AllColumnsWidth"/> (or with
/// --wide), enrichment status and sequence from <see cref="MediumWidth"/>, else the seven that tell a lead apart
/// (line, lead, storefront, action, score, owner, steps), so an 80-column terminal shows one row per lead.
/// </summary>
public static class LeadTableColumns
{
    public const int MediumWidth = 110;
    public const int AllColumnsWidth = 150;

    public static readonly IReadOnlyList<LeadTableColumn> All = new LeadTableColumn[]
    {
        new(LeadColumn.Line, "Line", RightAligned: true),
        new(LeadColumn.Lead, "Lead"),
        new(LeadColumn.Storefront, "Storefront"),
        new(LeadColumn.Action, "Action"),
        new(LeadColumn.CampaignType, "Campaign type"),
        new(LeadColumn.Score, "Score", RightAligned: true),
        new(LeadColumn.Status, "Status"),
        new(LeadColumn.Owner, "Owner"),
        new(LeadColumn.Sequence, "Sequence"),
        new(LeadColumn.Steps, "Steps", RightAligned: true),
    };

    private static readonly HashSet<LeadColumn> Narrow = new() { LeadColumn.Line, LeadColumn.Lead, LeadColumn.Storefront, LeadColumn.Action, LeadColumn.Score, LeadColumn.Owner, LeadColumn.Steps };
    private static readonly HashSet<LeadColumn> Medium = new(Narrow) { LeadColumn.Status, LeadColumn.Sequence };

    public static IReadOnlyList<LeadTableColumn> For(int width, bool wide)
    {
        if (wide || width >= AllColumnsWidth) return All;
        var shown = width >= MediumWidth ? Medium : Narrow;
        return All.Where(c => shown.Contains(c.Kind)).ToList();
    }

    /// <summary>Rounded borders and padding: one column takes its width plus 3, the table 1 more.</summary>
    public static int Chrome(int columns) => 3 * columns + 1;

    /// <summary>
    /// Column widths that fit <paramref name="width"/>: each column's widest cell (or header), then the widest
    /// columns shrink one by one (never below their header or 4) until the table fits. Cells are then cut to fit.
    /// </summary>
    public static int[] Fit(int width, IReadOnlyList<LeadTableColumn> columns, IReadOnlyList<int[]> cellWidths)
    {
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, cellWidths.Count == 0 ? 0 : cellWidths.Max(row => row[i]))).ToArray();
        var floors = columns.Select(c => Math.Max(4, Math.Min(c.Header.Length, 8))).ToArray();
        var available = width - Chrome(columns.Count);
        while (widths.Sum() > available)
        {
            var widest = -1;
            for (var i = 0; i < widths.Length; i++)
                if (widths[i] > floors[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
            if (widest < 0) break;
            widths[widest]--;
        }
        return widths;
    }
}
