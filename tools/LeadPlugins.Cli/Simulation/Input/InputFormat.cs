namespace LeadPlugins.Cli.Simulation;

public enum InputFormat
{
    /// <summary>Detected from the content: the first bytes (zip: xlsx), the first character and the first line.</summary>
    Auto,
    /// <summary>JSON of marketplace HTTPS-endpoint payloads (UserDetails, LeadSource, ActionCode, OfferTitle): lines, an array or pretty-printed objects.</summary>
    Payload,
    /// <summary>JSON of lead rows: column name -> value, as the Dynamics lead destination writes them: lines, an array or pretty-printed objects.</summary>
    Rows,
    /// <summary>A JSON array, or pretty-printed JSON objects one after another; each object is a payload or a row by its keys.</summary>
    Json,
    /// <summary>CSV (`,` `;` or tab) with a header of lead columns: logical names or display names (Dynamics export), or the Partner Center download.</summary>
    Csv,
    /// <summary>The Partner Center Referrals "Leads" download (CSV).</summary>
    PartnerCenter,
    /// <summary>An .xlsx workbook (Dynamics "Export to Excel"): the first sheet, its first row the header.</summary>
    Xlsx,
}
