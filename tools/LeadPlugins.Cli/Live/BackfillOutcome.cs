using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Live;

/// <summary>
/// One lead a backfill read: the row as it was, whether it is a marketplace lead, and (when the run changes it) the
/// change and the columns it writes. Lead + Update is the row as it is (or, in a dry run, would be) afterwards.
/// </summary>
public sealed record BackfillOutcome(Entity Lead, bool IsMarketplace, LeadChange? Change, Entity? Update);
