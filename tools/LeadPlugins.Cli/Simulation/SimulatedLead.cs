using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

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
        Name = lead.ColumnValue<string>(LeadTable.Columns.FullName);
        Email = lead.ColumnValue<string>(LeadTable.Columns.EmailAddress1);
        IsMarketplace = lead.ColumnValue<bool?>(LeadTable.Columns.IsMarketplace);
        Storefront = labels.Label(lead, LeadTable.Columns.Storefront);
        Audience = labels.Label(lead, LeadTable.Columns.Audience);
        CampaignType = labels.Label(lead, LeadTable.Columns.CampaignType);
        ListingType = labels.Label(lead, LeadTable.Columns.ListingType);
        LeadAction = labels.Label(lead, LeadTable.Columns.LeadAction);
        OfferTitle = lead.ColumnValue<string>(LeadTable.Columns.OfferTitle);
        IsCoSell = lead.ColumnValue<bool?>(LeadTable.Columns.IsCoSell);
        IsTestLead = lead.ColumnValue<bool?>(LeadTable.Columns.IsTestLead);
        FunnelStage = labels.Label(lead, LeadTable.Columns.FunnelStage);
        Campaign = nameOf(lead.ColumnValue<EntityReference>(LeadTable.Columns.CampaignId));
        EnrichmentStatus = labels.Label(lead, LeadTable.Columns.EnrichmentStatus);
        EnrichmentMessage = lead.ColumnValue<string>(LeadTable.Columns.EnrichmentMessage);
        Score = lead.ColumnValue<int?>(LeadTable.Columns.LeadScore);
        ScoreReason = lead.ColumnValue<string>(LeadTable.Columns.ScoreReason);
        Rating = labels.Label(lead, LeadTable.Columns.LeadQualityCode);
        Owner = nameOf(lead.ColumnValue<EntityReference>(LeadTable.Columns.OwnerId));
        DuplicateOfId = lead.ColumnValue<EntityReference>(LeadTable.Columns.DuplicateOf)?.Id;
    }

    /// <summary>The lead columns of a stored lead row, as the constructor above reads them.</summary>
    public static SimulatedLead FromLeadRow(Entity lead, ChoiceLabels labels, Func<EntityReference?, string?> nameOf) => new(lead, labels, nameOf);

    /// <summary>The lead as one JSON object (simulate --json writes a line per lead this way).</summary>
    public void WriteJson(JsonLineWriter json, bool includeTraces)
    {
        json.StartObject();
        json.Property("input", Input);
        json.Property("leadId", LeadId);
        json.Property("name", Name);
        json.Property("email", Email);
        json.Property("isMarketplace", IsMarketplace);
        json.Property("storefront", Storefront);
        json.Property("audience", Audience);
        json.Property("campaignType", CampaignType);
        json.Property("listingType", ListingType);
        json.Property("leadAction", LeadAction);
        json.Property("offerTitle", OfferTitle);
        json.Property("isCoSell", IsCoSell);
        json.Property("isTestLead", IsTestLead);
        json.Property("funnelStage", FunnelStage);
        json.Property("campaign", Campaign);
        json.Property("enrichmentStatus", EnrichmentStatus);
        json.Property("enrichmentMessage", EnrichmentMessage);
        json.Property("score", Score);
        json.Property("scoreReason", ScoreReason);
        json.Property("rating", Rating);
        json.Property("owner", Owner);
        json.Property("duplicateOf", DuplicateOf);
        json.Property("duplicateOfId", DuplicateOfId);
        json.Property("nurtureSequence", NurtureSequence);
        json.Property("nurtureStatus", NurtureStatus);
        json.Property("nurtureReason", NurtureReason);
        json.StartArray("nurtureSteps");
        foreach (var step in NurtureSteps)
        {
            json.StartObject();
            json.Property("order", step.Order);
            json.Property("type", step.Type);
            json.Property("subject", step.Subject);
            json.Property("due", step.Due);
            json.EndObject();
        }
        json.EndArray();
        json.Property("serviceCalls", ServiceCalls);
        json.StartObject("serviceCallsByMessage");
        foreach (var pair in ServiceCallsByMessage) json.PropertyNamedByData(pair.Key, pair.Value);
        json.EndObject();
        json.StartArray("pluginSteps");
        foreach (var run in PluginSteps)
        {
            json.StartObject();
            json.Property("plugin", run.Plugin);
            json.Property("message", run.Message);
            json.Property("table", run.Table);
            json.Property("stage", run.Stage);
            json.Property("mode", run.Async ? "async" : "sync");
            json.Property("outcome", run.Outcome);
            json.Property("serviceCalls", run.ServiceCalls);
            json.Property("error", run.Error);
            json.EndObject();
        }
        json.EndArray();
        if (BatchServiceCalls > 0) json.Property("batchServiceCalls", BatchServiceCalls);
        if (Notes.Count > 0) Strings(json, "notes", Notes);
        if (includeTraces) Strings(json, "traces", Traces);
        json.EndObject();
    }

    private static void Strings(JsonLineWriter json, string name, IReadOnlyList<string> values)
    {
        json.StartArray(name);
        for (var i = 0; i < values.Count; i++) json.Element(values[i]);
        json.EndArray();
    }
}
