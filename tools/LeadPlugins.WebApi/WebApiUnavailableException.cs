using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.WebApi;

/// <summary>The environment could not be reached within the retry budget (network, DNS, timeouts).</summary>
public sealed class WebApiUnavailableException : Exception
{
    public WebApiUnavailableException(string message, Exception inner) : base(message, inner) { }
}
