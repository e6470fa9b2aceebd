using System;

namespace LeadPlugins.Plugins.Registration
{
    /// <summary>Whose identity the step's PluginUserService runs as.</summary>
    public enum StepRunAs
    {
        /// <summary>The calling user (sdkmessageprocessingstep.impersonatinguserid empty).</summary>
        CallingUser = 0,
        /// <summary>The SYSTEM user; document why wherever it is used.</summary>
        System = 1,
    }
}
