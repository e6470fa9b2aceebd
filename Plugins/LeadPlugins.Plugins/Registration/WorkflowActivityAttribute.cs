using System;

namespace LeadPlugins.Plugins.Registration
{
    /// <summary>Registration of a custom workflow activity type (plugintype with a workflow activity group).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class WorkflowActivityAttribute : Attribute
    {
        public const string DefaultGroupName = "LeadPlugins: Marketplace leads";

        public WorkflowActivityAttribute(string friendlyName)
        {
            FriendlyName = friendlyName;
        }

        public string FriendlyName { get; }
        public string GroupName { get; set; } = DefaultGroupName;
        public string? Description { get; set; }
    }
}
