using System.Data.Common;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace LeadPlugins.WebApi;

/// <summary>A connection string, --url or the environment could not be turned into a connection. The message never carries a secret.</summary>
public sealed class DataverseConnectionException : Exception
{
    public DataverseConnectionException(string message) : base(message) { }
}
