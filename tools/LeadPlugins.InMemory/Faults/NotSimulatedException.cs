namespace LeadPlugins.InMemory;

/// <summary>A harness gap, never a server behaviour: thrown unwrapped so no plug-in catch block can mistake it for a fault.</summary>
public sealed class NotSimulatedException : NotSupportedException
{
    public NotSimulatedException(string message) : base(message) { }
}
