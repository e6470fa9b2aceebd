using System;

namespace LeadPlugins.Plugins.Registration
{
    /// <summary>sdkmessageprocessingstep.mode: 0 synchronous, 1 asynchronous (note: spkl's enum is the reverse).</summary>
    public enum ExecutionMode
    {
        Synchronous = 0,
        Asynchronous = 1,
    }
}
