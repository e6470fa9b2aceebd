namespace LeadPlugins.Cli.Simulation;

/// <summary>The columns of simulate's lead table.</summary>
public enum LeadColumn
{
    Line,
    Lead,
    Storefront,
    Action,
    CampaignType,
    Score,
    Status,
    Owner,
    Sequence,
    Steps,
}
