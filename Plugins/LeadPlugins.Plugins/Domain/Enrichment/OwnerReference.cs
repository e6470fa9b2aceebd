using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>An owner: a systemuser or a team.</summary>
    public sealed class OwnerReference
    {
        public const string UserLogicalName = "systemuser";
        public const string TeamLogicalName = "team";

        private OwnerReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        /// <summary>"systemuser" or "team".</summary>
        public string LogicalName { get; }
        public Guid Id { get; }

        public static OwnerReference User(Guid id) => new OwnerReference(UserLogicalName, id);
        public static OwnerReference Team(Guid id) => new OwnerReference(TeamLogicalName, id);

        /// <summary>The user when set, else the team, else null (the lookups of a rule or setting row).</summary>
        public static OwnerReference? From(Guid? userId, Guid? teamId)
        {
            if (userId.HasValue && userId.Value != Guid.Empty) return User(userId.Value);
            if (teamId.HasValue && teamId.Value != Guid.Empty) return Team(teamId.Value);
            return null;
        }

        public override string ToString() => LogicalName + " " + Id.ToString("D");
    }
}
