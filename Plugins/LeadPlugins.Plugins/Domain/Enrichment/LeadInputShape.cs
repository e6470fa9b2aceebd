using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>How the marketplace data reached the lead.</summary>
    public enum LeadInputShape
    {
        None = 0,
        /// <summary><c>Source-Action|publisherid.offerid</c> in one text column.</summary>
        CombinedSource,
        /// <summary>Source and action in <c>mpl_leadsource</c> / <c>mpl_actioncode</c> (HTTPS-endpoint flow or import).</summary>
        SeparateFields,
        /// <summary>The HTTPS JSON payload (<c>UserDetails</c>, <c>LeadSource</c>, <c>ActionCode</c>, ...) in <c>description</c>.</summary>
        JsonPayload,
        /// <summary>Partner Center "Leads" download labels ("Azure portal", "Contact me", ...) in the separate fields.</summary>
        PartnerCenterLabels,
    }
}
