using LeadPlugins.Schema;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// A lead as the simulated Dataverse holds it after the plug-ins (sync and async) ran: what the seller sees on the
/// Marketplace lead form, its nurture enrolment and activities, and what the plug-ins did for it.
/// Choice values are labels; null means the column is empty (e.g. not enriched).
/// </summary>
public sealed record SimulatedLead
{
    public int Input { get; init; }
    public Guid LeadId { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public bool? IsMarketplace { get; init; }
    public string? Storefront { get; init; }
    public string? Audience { get; init; }
    public string? CampaignType { get; init; }
    public string? ListingType { get; init; }
    public string? LeadAction { get; init; }
    public string? OfferTitle { get; init; }
    public bool? IsCoSell { get; init; }
    public bool? IsTestLead { get; init; }
    public string? FunnelStage { get; init; }
    public string? Campaign { get; init; }
    public string? EnrichmentStatus { get; init; }
    public string? EnrichmentMessage { get; init; }
    public int? Score { get; init; }
    public string? ScoreReason { get; init; }
    public string? Rating { get; init; }
    public string? Owner { get; init; }
    /// <summary>Input line of the lead this one duplicates, when that lead came from the same input.</summary>
    public int? DuplicateOf { get; init; }
    public Guid? DuplicateOfId { get; init; }
    public string? NurtureSequence { get; init; }
    public string? NurtureStatus { get; init; }
    public string? NurtureReason { get; init; }
    public IReadOnlyList<NurtureStep> NurtureSteps { get; init; } = Array.Empty<NurtureStep>();
    /// <summary>Organization-service requests the plug-ins made for this lead.</summary>
    public int ServiceCalls { get; init; }
    public IReadOnlyDictionary<string, int> ServiceCallsByMessage { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, int>.Empty;
    public IReadOnlyList<PluginRun> PluginSteps { get; init; } = Array.Empty<PluginRun>();
    /// <summary>Requests made by steps that ran once for the whole CreateMultiple batch (shared by its leads).</summary>
    public int BatchServiceCalls { get; init; }
    public IReadOnlyList<string> Traces { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    public SimulatedLead()
    {
    }

    /// <summary>
    /// The lead columns of a stored lead row (the simulator's read-back and the backfill report share it); the caller adds
    /// what is not on the row (input line, duplicate line, nurture, plug-in runs) in an initializer or with <c>with</c>.
    /// </summary>
    internal SimulatedLead(Entity lead, ChoiceLabels labels, Func<EntityReference?, string?> nameOf)
    {
        LeadId = lead.Id;
        Name = lead.GetAttributeValue<string>(LeadTable.Columns.FullName);
        Email = lead.GetAttributeValue<string>(LeadTable.Columns.EmailAddress1);
        IsMarketplace = lead.GetAttributeValue<bool?>(LeadTable.Columns.IsMarketplace);
        Storefront = labels.Label(lead, LeadTable.Columns.Storefront);
        Audience = labels.Label(lead, LeadTable.Columns.Audience);
        CampaignType = labels.Label(lead, LeadTable.Columns.CampaignType);
        ListingType = labels.Label(lead, LeadTable.Columns.ListingType);
        LeadAction = labels.Label(lead, LeadTable.Columns.LeadAction);
        OfferTitle = lead.GetAttributeValue<string>(LeadTable.Columns.OfferTitle);
        IsCoSell = lead.GetAttributeValue<bool?>(LeadTable.Columns.IsCoSell);
        IsTestLead = lead.GetAttributeValue<bool?>(LeadTable.Columns.IsTestLead);
        FunnelStage = labels.Label(lead, LeadTable.Columns.FunnelStage);
        Campaign = nameOf(lead.GetAttributeValue<EntityReference>(LeadTable.Columns.CampaignId));
        EnrichmentStatus = labels.Label(lead, LeadTable.Columns.EnrichmentStatus);
        EnrichmentMessage = lead.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage);
        Score = lead.GetAttributeValue<int?>(LeadTable.Columns.LeadScore);
        ScoreReason = lead.GetAttributeValue<string>(LeadTable.Columns.ScoreReason);
        Rating = labels.Label(lead, LeadTable.Columns.LeadQualityCode);
        Owner = nameOf(lead.GetAttributeValue<EntityReference>(LeadTable.Columns.OwnerId));
        DuplicateOfId = lead.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf)?.Id;
    }

    /// <summary>The lead columns of a stored lead row, as the constructor above reads them.</summary>
    public static SimulatedLead FromLeadRow(Entity lead, ChoiceLabels labels, Func<EntityReference?, string?> nameOf) => new(lead, labels, nameOf);

    public JObject ToJson(bool includeTraces)
    {
        var tokens = new JTokenWriter();
        WriteJson(tokens, includeTraces);
        return (JObject)tokens.Token!;
    }

    /// <summary>The lead as one JSON object, written straight to the writer (simulate --json writes a line per lead this way).</summary>
    public void WriteJson(JsonWriter json, bool includeTraces)
    {
        json.WriteStartObject();
        Property(json, "input", Input);
        Property(json, "leadId", LeadId.ToString("D"));
        Property(json, "name", Name);
        Property(json, "email", Email);
        Property(json, "isMarketplace", IsMarketplace);
        Property(json, "storefront", Storefront);
        Property(json, "audience", Audience);
        Property(json, "campaignType", CampaignType);
        Property(json, "listingType", ListingType);
        Property(json, "leadAction", LeadAction);
        Property(json, "offerTitle", OfferTitle);
        Property(json, "isCoSell", IsCoSell);
        Property(json, "isTestLead", IsTestLead);
        Property(json, "funnelStage", FunnelStage);
        Property(json, "campaign", Campaign);
        Property(json, "enrichmentStatus", EnrichmentStatus);
        Property(json, "enrichmentMessage", EnrichmentMessage);
        Property(json, "score", Score);
        Property(json, "scoreReason", ScoreReason);
        Property(json, "rating", Rating);
        Property(json, "owner", Owner);
        Property(json, "duplicateOf", DuplicateOf);
        Property(json, "duplicateOfId", DuplicateOfId?.ToString("D"));
        Property(json, "nurtureSequence", NurtureSequence);
        Property(json, "nurtureStatus", NurtureStatus);
        Property(json, "nurtureReason", NurtureReason);
        json.WritePropertyName("nurtureSteps");
        json.WriteStartArray();
        foreach (var step in NurtureSteps)
        {
            json.WriteStartObject();
            Property(json, "order", step.Order);
            Property(json, "type", step.Type);
            Property(json, "subject", step.Subject);
            Property(json, "due", step.Due?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Property(json, "serviceCalls", ServiceCalls);
        json.WritePropertyName("serviceCallsByMessage");
        json.WriteStartObject();
        foreach (var pair in ServiceCallsByMessage) Property(json, pair.Key, pair.Value);
        json.WriteEndObject();
        json.WritePropertyName("pluginSteps");
        json.WriteStartArray();
        foreach (var run in PluginSteps)
        {
            json.WriteStartObject();
            Property(json, "plugin", run.Plugin);
            Property(json, "message", run.Message);
            Property(json, "table", run.Table);
            Property(json, "stage", run.Stage);
            Property(json, "mode", run.Async ? "async" : "sync");
            Property(json, "outcome", run.Outcome);
            Property(json, "serviceCalls", run.ServiceCalls);
            Property(json, "error", run.Error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (BatchServiceCalls > 0) Property(json, "batchServiceCalls", BatchServiceCalls);
        if (Notes.Count > 0) Strings(json, "notes", Notes);
        if (includeTraces) Strings(json, "traces", Traces);
        json.WriteEndObject();
    }

    private static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Property(JsonWriter json, string name, int? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Property(JsonWriter json, string name, bool? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Strings(JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var value in values) json.WriteValue(value);
        json.WriteEndArray();
    }
}
