namespace LeadPlugins.WebApi;

/// <summary>A connection string, --url or the environment could not be turned into a connection. The message never carries a secret.</summary>
public sealed class DataverseConnectionException : Exception
{
    public DataverseConnectionException(string message) : base(message) { }
}
