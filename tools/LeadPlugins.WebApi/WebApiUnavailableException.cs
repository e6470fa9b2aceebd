namespace LeadPlugins.WebApi;

/// <summary>The environment could not be reached within the retry budget (network, DNS, timeouts).</summary>
public sealed class WebApiUnavailableException : Exception
{
    public WebApiUnavailableException(string message, Exception inner) : base(message, inner) { }
}
