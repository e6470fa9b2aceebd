using System.Globalization;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Emulator;

// Query handling: fetchXml= with paging cookies, and OData query options with @odata.nextLink.
public sealed partial class DataverseEmulator
{
    /// <summary>GET {set}?fetchXml=: at most 5,000 rows a page; paging cookie and more-records annotations as fetchxml/page-results.md shows.</summary>
    private EmulatorAnswer Fetch(EmulatedTable table, string fetchXml, EmulatorJson.Annotations annotations)
    {
        var fetch = XElement.Parse(fetchXml);
        if ((string?)fetch.Element("entity")?.Attribute("name") != table.LogicalName)
            throw new EmulatorRequestException(400, "0x80040203", "The fetch's entity does not match the entity set " + table.EntitySetName + ".");
        if (fetch.Attribute("top") == null && fetch.Attribute("count") == null) fetch.SetAttributeValue("count", 5000);
        var page = (int?)fetch.Attribute("page") ?? 1;
        var result = _service.RetrieveMultiple(new FetchExpression(fetch.ToString(SaveOptions.DisableFormatting)));
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", Url + "api/data/v9.2/$metadata#" + table.EntitySetName);
            if (annotations.Paging && result.MoreRecords)
            {
                var cookie = new XElement("cookie", new XAttribute("pagenumber", page + 1),
                    new XAttribute("pagingcookie", Uri.EscapeDataString(Uri.EscapeDataString(result.PagingCookie ?? string.Empty))), new XAttribute("istracking", "False"));
                w.WriteString("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", cookie.ToString(SaveOptions.DisableFormatting));
                w.WriteBoolean("@Microsoft.Dynamics.CRM.morerecords", true);
            }
            w.WriteStartArray("value");
            foreach (var row in result.Entities) _json.WriteRow(w, row, table, annotations, null);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>GET {set}?$select&amp;$filter&amp;$orderby&amp;$top with Prefer: odata.maxpagesize and @odata.nextLink.</summary>
    private EmulatorAnswer Collection(EmulatedTable table, EmulatorRequest request, EmulatorJson.Annotations annotations)
    {
        var options = request.Query.ToList();
        var query = ODataQuery.Parse(options);
        var pageSize = 5000;
        var prefer = request.Header("Prefer");
        var at = prefer.IndexOf("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase);
        if (at >= 0 && int.TryParse(new string(prefer[(at + "odata.maxpagesize=".Length)..].TakeWhile(char.IsDigit).ToArray()), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0)
            pageSize = Math.Min(size, 5000);
        var rows = query.Apply(table.IsVirtual ? VirtualRows(table.LogicalName) : _dataverse.Query(table.LogicalName)).Skip(query.Skip).Take(pageSize + 1).ToList();
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var rest = options.Where(o => o.Key != "$skiptoken").Append(KeyValuePair.Create("$skiptoken", (query.Skip + pageSize).ToString(CultureInfo.InvariantCulture)));
            next = Url + "api/data/v9.2/" + table.EntitySetName + "?" + string.Join("&", rest.Select(o => o.Key + "=" + Uri.EscapeDataString(o.Value)));
        }
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", Url + "api/data/v9.2/$metadata#" + table.EntitySetName);
            w.WriteStartArray("value");
            foreach (var row in rows) _json.WriteRow(w, row, table, annotations, query.Select);
            w.WriteEndArray();
            if (next != null) w.WriteString("@odata.nextLink", next);
            w.WriteEndObject();
        });
    }
}
