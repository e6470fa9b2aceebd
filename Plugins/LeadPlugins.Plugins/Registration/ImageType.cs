using System;

namespace LeadPlugins.Plugins.Registration
{
    /// <summary>sdkmessageprocessingstepimage.imagetype.</summary>
    public enum ImageType
    {
        PreImage = 0,
        PostImage = 1,
        Both = 2,
    }
}
