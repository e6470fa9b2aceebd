namespace LeadPlugins.Solution.Registration;

public enum PluginTypeKind
{
    Plugin,
    WorkflowActivity,
}
