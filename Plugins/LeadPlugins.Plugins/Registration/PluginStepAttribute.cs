using System;

namespace LeadPlugins.Plugins.Registration
{
    /// <summary>
    /// The one source of truth for a step registration: read by the solution build (customizations.xml),
    /// by the in-memory pipeline and by the registration consistency tests. A class may carry several.
    /// Images follow spkl's Image1/Image2 convention; image attributes are comma-separated logical names.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PluginStepAttribute : Attribute
    {
        public PluginStepAttribute(string message, string entityLogicalName, PipelineStage stage, ExecutionMode mode)
        {
            Message = message;
            EntityLogicalName = entityLogicalName;
            Stage = stage;
            Mode = mode;
        }

        public string Message { get; }
        public string EntityLogicalName { get; }
        public PipelineStage Stage { get; }
        public ExecutionMode Mode { get; }

        /// <summary>Execution order within the stage (sdkmessageprocessingstep.rank).</summary>
        public int Rank { get; set; } = 1;

        /// <summary>Comma-separated column names; required on Update steps.</summary>
        public string? FilteringAttributes { get; set; }

        /// <summary>Step name shown to admins; defaults to "&lt;Plugin&gt;: &lt;Message&gt; of &lt;entity&gt;".</summary>
        public string? Name { get; set; }

        public string? Description { get; set; }

        /// <summary>Default unsecure configuration shipped with the step (JSON). Secure configuration never travels in a solution.</summary>
        public string? UnsecureConfiguration { get; set; }

        public StepRunAs RunAs { get; set; } = StepRunAs.CallingUser;

        /// <summary>Delete the async job row when it succeeds (asyncautodelete).</summary>
        public bool AsyncAutoDelete { get; set; } = true;

        public string? Image1Name { get; set; }
        public ImageType Image1Type { get; set; } = ImageType.PreImage;
        public string? Image1Attributes { get; set; }

        public string? Image2Name { get; set; }
        public ImageType Image2Type { get; set; } = ImageType.PostImage;
        public string? Image2Attributes { get; set; }
    }
}
