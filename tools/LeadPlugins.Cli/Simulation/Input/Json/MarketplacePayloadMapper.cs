using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

/// <summary>Maps a marketplace HTTPS-endpoint payload (UserDetails, LeadSource, ActionCode, OfferTitle) to a lead.</summary>
public static class MarketplacePayloadMapper
{
    /// <summary>Payload field -> lead column, as an HTTPS-endpoint flow maps them (UserDetails keys first).</summary>
    public static readonly IReadOnlyList<(string Field, string Column)> PayloadColumns = new[]
    {
        ("UserDetails.FirstName", "firstname"),
        ("UserDetails.LastName", "lastname"),
        ("UserDetails.Email", "emailaddress1"),
        ("UserDetails.Phone", "telephone1"),
        ("UserDetails.Country", "address1_country"),
        ("UserDetails.Company", "companyname"),
        ("UserDetails.Title", "jobtitle"),
        ("LeadSource", LeadTable.Columns.LeadSource),
        ("ActionCode", LeadTable.Columns.ActionCode),
        ("OfferTitle", "subject"),
    };

    /// <summary>
    /// Maps one payload the way an HTTPS-endpoint flow would: the documented fields to their lead columns (keys in
    /// any casing, scalars as text, null or empty left out) and the whole payload text to description, so the
    /// plug-in's payload parser sees everything the marketplace sent.
    /// </summary>
    public static InputRecord Map(int line, string text)
    {
        JObject payload;
        try
        {
            payload = InputJson.ParseObject(text);
        }
        catch (InputException e)
        {
            return InputRecord.Bad(line, e.Message);
        }
        var lead = new Entity(LeadInput.Lead);
        var notes = new List<string>();
        var user = payload.GetValue("UserDetails", StringComparison.OrdinalIgnoreCase);
        if (user != null && user.Type != JTokenType.Object && user.Type != JTokenType.Null)
            notes.Add("UserDetails is " + InputJson.Describe(user) + ", not an object: contact fields left empty");
        foreach (var (field, column) in PayloadColumns)
        {
            var dot = field.IndexOf('.', StringComparison.Ordinal);
            var token = dot < 0
                ? payload.GetValue(field, StringComparison.OrdinalIgnoreCase)
                : (user as JObject)?.GetValue(field[(dot + 1)..], StringComparison.OrdinalIgnoreCase);
            if (token == null || token.Type == JTokenType.Null) continue;
            if (token is not JValue scalar)
            {
                notes.Add(field + " is " + InputJson.Describe(token) + ": " + column + " left empty");
                continue;
            }
            var value = InputJson.ScalarText(scalar);
            if (value.Length > 0) lead[column] = value;
        }
        lead["description"] = text.Trim();
        return InputRecord.Ok(line, lead, notes);
    }
}
