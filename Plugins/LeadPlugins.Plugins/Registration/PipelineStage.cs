using System;

namespace LeadPlugins.Plugins.Registration
{
    /// <summary>Pipeline stage numbers of sdkmessageprocessingstep.stage.</summary>
    public enum PipelineStage
    {
        PreValidation = 10,
        PreOperation = 20,
        PostOperation = 40,
    }
}
