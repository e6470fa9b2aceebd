using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Workflow
{
    /// <summary>Outputs of "Route lead": the owner is a user or a team, so exactly one of the two is set (or neither).</summary>
    public sealed class LeadRouteOutputs
    {
        public EntityReference? OwnerUser { get; internal set; }
        public EntityReference? OwnerTeam { get; internal set; }
        /// <summary>"Assign now" changed the lead's ownerid (false when not asked, no owner found, or already the owner).</summary>
        public bool OwnerChanged { get; internal set; }
        public string Explanation { get; internal set; } = string.Empty;
    }
}
