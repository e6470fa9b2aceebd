using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>One attribute of an aggregate query: an aggregate function or a group-by (optionally by part of a date).</summary>
internal sealed record AggregateColumn(LinkEntity? Link, string Attribute, string Alias, AggregateFunction? Function, bool Distinct, string? DateGrouping)
{
    public bool IsGroupBy => Function == null;

    public static AggregateColumn Read(XElement attribute, LinkEntity? link)
    {
        var name = (string?)attribute.Attribute("name") ?? string.Empty;
        var alias = (string?)attribute.Attribute("alias");
        var groupBy = FetchXmlParser.Bool(attribute, "groupby");
        var function = (string?)attribute.Attribute("aggregate");
        if (!groupBy && function == null)
            throw Faults.Create(ErrorCodes.InvalidQuery, "An attribute can not be requested when an aggregate operation has been specified and its neither groupby nor aggregate.  NodeXml : " + attribute);
        AggregateFunction? parsed = null;
        if (function != null)
        {
            parsed = function switch
            {
                "count" => AggregateFunction.Count,
                "countcolumn" => AggregateFunction.CountColumn,
                "sum" => AggregateFunction.Sum,
                "avg" => AggregateFunction.Avg,
                "min" => AggregateFunction.Min,
                "max" => AggregateFunction.Max,
                _ => throw Faults.Create(ErrorCodes.InvalidQuery, "Invalid aggregate function '" + function + "' in FetchXML."),
            };
            // Docs: "Set the alias attribute for each attribute element" that aggregates.
            if (string.IsNullOrEmpty(alias)) throw Faults.Create(ErrorCodes.InvalidQuery, "An aggregate attribute needs an alias. NodeXml : " + attribute);
        }
        var dateGrouping = (string?)attribute.Attribute("dategrouping");
        if (dateGrouping != null && !groupBy) throw Faults.Create(ErrorCodes.InvalidQuery, "dategrouping applies only to a groupby attribute. NodeXml : " + attribute);
        return new AggregateColumn(link, name, string.IsNullOrEmpty(alias) ? name : alias, parsed, FetchXmlParser.Bool(attribute, "distinct"), dateGrouping);
    }
}
