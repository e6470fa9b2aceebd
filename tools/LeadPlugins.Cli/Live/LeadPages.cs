using LeadPlugins.Schema;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Cli.Live;

/// <summary>
/// Reads leads page by page in leadid order with keyset paging (leadid gt the last one): a stable order two runs share,
/// and pages that do not shift when rows drop out of the filter while a backfill writes them.
/// </summary>
internal sealed class LeadPages
{
    private readonly IReadOnlyList<string> _columns;
    private readonly string? _userFetch;
    private readonly DateTime? _since;
    private readonly bool _neverEnrichedOnly;

    /// <param name="userFetch">A FetchXML on lead whose filters and links narrow the leads (its columns, order and paging are replaced).</param>
    public LeadPages(IReadOnlyList<string> columns, string? userFetch, DateTime? since, bool neverEnrichedOnly, int pageSize = 5000)
    {
        _columns = columns;
        _userFetch = userFetch;
        _since = since;
        _neverEnrichedOnly = neverEnrichedOnly;
        PageSize = pageSize;
        if (userFetch != null) Fetch(null); // a bad --fetch fails before anything is read
    }

    public int PageSize { get; }

    public async IAsyncEnumerable<IReadOnlyList<Entity>> ReadAsync(WebApiOrganizationService service, Guid? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await service.RetrieveMultipleAsync(new FetchExpression(Fetch(after)), cancellationToken).ConfigureAwait(false);
            if (page.Entities.Count == 0) yield break;
            yield return page.Entities.ToList();
            if (page.Entities.Count < PageSize) yield break;
            after = page.Entities[^1].Id;
        }
    }

    internal string Fetch(Guid? after)
    {
        XElement fetch;
        if (_userFetch != null)
        {
            try
            {
                fetch = XElement.Parse(_userFetch);
            }
            catch (System.Xml.XmlException e)
            {
                throw new ArgumentException("The --fetch file is not XML: " + e.Message);
            }
            foreach (var name in new[] { "count", "page", "paging-cookie", "top", "aggregate" }) fetch.Attribute(name)?.Remove();
            var userEntity = fetch.Element("entity");
            if ((string?)userEntity?.Attribute("name") != "lead") throw new ArgumentException("The --fetch query must be on the lead table (<entity name='lead'>).");
            userEntity!.Elements().Where(e => e.Name.LocalName is "attribute" or "all-attributes" or "order").Remove();
        }
        else
        {
            fetch = new XElement("fetch", new XElement("entity", new XAttribute("name", "lead")));
        }
        fetch.SetAttributeValue("count", PageSize);
        var entity = fetch.Element("entity")!;
        foreach (var column in _columns.Reverse()) entity.AddFirst(new XElement("attribute", new XAttribute("name", column)));
        entity.Add(new XElement("order", new XAttribute("attribute", LeadTable.Columns.LeadId)));
        var filter = new XElement("filter", new XAttribute("type", "and"));
        if (_neverEnrichedOnly)
            filter.Add(new XElement("condition", new XAttribute("attribute", LeadTable.Columns.EnrichmentStatus), new XAttribute("operator", "null")));
        if (_since is DateTime since)
            filter.Add(new XElement("condition", new XAttribute("attribute", LeadTable.Columns.CreatedOn), new XAttribute("operator", "ge"), new XAttribute("value", ODataValues.WriteDateTime(since))));
        if (after is Guid last)
            filter.Add(new XElement("condition", new XAttribute("attribute", LeadTable.Columns.LeadId), new XAttribute("operator", "gt"), new XAttribute("value", last.ToString("D"))));
        if (filter.HasElements) entity.Add(filter);
        return fetch.ToString(SaveOptions.DisableFormatting);
    }
}
