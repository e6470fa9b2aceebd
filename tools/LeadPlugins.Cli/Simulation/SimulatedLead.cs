using LeadPlugins.Schema;
using System.Globalization;
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
    public IReadOnlyDictionary<string, int> ServiceCallsByMessage { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<PluginRun> PluginSteps { get; init; } = Array.Empty<PluginRun>();
    /// <summary>Requests made by steps that ran once for the whole CreateMultiple batch (shared by its leads).</summary>
    public int BatchServiceCalls { get; init; }
    public IReadOnlyList<string> Traces { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    public JObject ToJson(bool includeTraces)
    {
        var json = new JObject
        {
            ["input"] = Input,
            ["leadId"] = LeadId.ToString("D"),
            ["name"] = Name,
            ["email"] = Email,
            ["isMarketplace"] = IsMarketplace,
            ["storefront"] = Storefront,
            ["audience"] = Audience,
            ["campaignType"] = CampaignType,
            ["listingType"] = ListingType,
            ["leadAction"] = LeadAction,
            ["offerTitle"] = OfferTitle,
            ["isCoSell"] = IsCoSell,
            ["isTestLead"] = IsTestLead,
            ["funnelStage"] = FunnelStage,
            ["campaign"] = Campaign,
            ["enrichmentStatus"] = EnrichmentStatus,
            ["enrichmentMessage"] = EnrichmentMessage,
            ["score"] = Score,
            ["scoreReason"] = ScoreReason,
            ["rating"] = Rating,
            ["owner"] = Owner,
            ["duplicateOf"] = DuplicateOf,
            ["duplicateOfId"] = DuplicateOfId?.ToString("D"),
            ["nurtureSequence"] = NurtureSequence,
            ["nurtureStatus"] = NurtureStatus,
            ["nurtureReason"] = NurtureReason,
            ["nurtureSteps"] = new JArray(NurtureSteps.Select(s => new JObject
            {
                ["order"] = s.Order,
                ["type"] = s.Type,
                ["subject"] = s.Subject,
                ["due"] = s.Due?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            })),
            ["serviceCalls"] = ServiceCalls,
            ["serviceCallsByMessage"] = JObject.FromObject(ServiceCallsByMessage),
            ["pluginSteps"] = new JArray(PluginSteps.Select(p => new JObject
            {
                ["plugin"] = p.Plugin,
                ["message"] = p.Message,
                ["table"] = p.Table,
                ["stage"] = p.Stage,
                ["mode"] = p.Async ? "async" : "sync",
                ["outcome"] = p.Outcome,
                ["serviceCalls"] = p.ServiceCalls,
                ["error"] = p.Error,
            })),
        };
        if (BatchServiceCalls > 0) json["batchServiceCalls"] = BatchServiceCalls;
        if (Notes.Count > 0) json["notes"] = new JArray(Notes);
        if (includeTraces) json["traces"] = new JArray(Traces);
        return json;
    }
}
