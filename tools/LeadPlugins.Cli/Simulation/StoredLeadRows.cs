using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>The stored rows of one simulated lead (read before its batch's plug-in runs are attributed): its row, enrolment and activities as steps.</summary>
internal readonly record struct StoredLeadRows(Entity Lead, Entity? Enrolment, List<NurtureStep> Steps);
