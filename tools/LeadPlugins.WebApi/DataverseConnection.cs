using System.Data.Common;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace LeadPlugins.WebApi;

/// <summary>
/// Where the Dataverse Web API is and how to sign in. Connection strings use the official client's format
/// (AuthType=OAuth|ClientSecret|Certificate;Url=...;ClientId=...), --url alone uses Azure.Identity's default chain,
/// and plain http:// is accepted only for loopback addresses, which get no token (the local emulator).
/// </summary>
public sealed class DataverseConnection
{
    /// <summary>The environment variable read when neither --url nor --connection is given.</summary>
    public const string EnvironmentVariable = "LEADPLUGINS_CONNECTION";

    private static readonly string[] SecretKeys = { "clientsecret", "secret", "password", "certificatepassword", "token" };

    private DataverseConnection(Uri url, TokenCredential? credential, string authType, string description)
    {
        Url = url;
        Credential = credential;
        AuthType = authType;
        Description = description;
    }

    /// <summary>The environment's root, e.g. https://contoso.crm.dynamics.com/ (no /api/data).</summary>
    public Uri Url { get; }
    /// <summary>Null for a loopback http:// address (the emulator needs no token).</summary>
    public TokenCredential? Credential { get; }
    public string AuthType { get; }
    /// <summary>Printable: the URL, the auth type and the client id; secrets shown as ***.</summary>
    public string Description { get; }

    /// <summary>The token scope of the environment: {url}/.default.</summary>
    public string Scope => Url.GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary>--connection wins, then --url, then LEADPLUGINS_CONNECTION (a connection string or a bare URL).</summary>
    public static DataverseConnection Resolve(string? url, string? connectionString, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(connectionString)) return Parse(connectionString);
        if (!string.IsNullOrWhiteSpace(url)) return FromUrl(url);
        var fromEnvironment = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
            throw new DataverseConnectionException("No environment given: pass --url URL or --connection \"AuthType=...;Url=...\", or set " + EnvironmentVariable + ".");
        return fromEnvironment.Contains('=') ? Parse(fromEnvironment) : FromUrl(fromEnvironment);
    }

    /// <summary>A URL alone: loopback http:// without a token, otherwise https:// with the default credential chain.</summary>
    public static DataverseConnection FromUrl(string url)
    {
        var uri = CheckUrl(url);
        if (IsLoopbackHttp(uri)) return new DataverseConnection(uri, null, "None", uri + " (loopback, no sign-in)");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ExcludeInteractiveBrowserCredential = false,
            Retry = { MaxRetries = 1 },
        });
        return new DataverseConnection(uri, credential, "Default", uri + " (default Azure credential chain: environment, managed identity, Azure CLI, interactive)");
    }

    /// <summary>Parses a connection string in the official client's format. Unknown keys are ignored, as the official client does.</summary>
    public static DataverseConnection Parse(string connectionString)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (string key in builder.Keys) values[key.Replace(" ", string.Empty, StringComparison.Ordinal)] = Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }
        catch (ArgumentException)
        {
            // The builder's message quotes the string, secret included: say only what is wrong.
            throw new DataverseConnectionException("The connection string is not in the Key=Value;Key=Value format (AuthType=ClientSecret;Url=https://contoso.crm.dynamics.com;ClientId=...;ClientSecret=...).");
        }
        string? Get(params string[] keys) => keys.Select(k => values.TryGetValue(k, out var v) && v.Length > 0 ? v : null).FirstOrDefault(v => v != null);

        var url = Get("Url", "ServiceUri", "Service Uri", "Server")
            ?? throw new DataverseConnectionException("The connection string has no Url (Url=https://contoso.crm.dynamics.com).");
        var uri = CheckUrl(url);
        var authType = Get("AuthType", "AuthenticationType") ?? "OAuth";
        var clientId = Get("ClientId", "AppId", "ApplicationId");
        var tenant = Get("TenantId", "Tenant");
        var description = Describe(values);
        if (IsLoopbackHttp(uri)) return new DataverseConnection(uri, null, authType, description);

        TokenCredential credential;
        switch (authType.ToLowerInvariant())
        {
            case "oauth":
                credential = new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                {
                    ClientId = clientId,
                    TenantId = tenant,
                    RedirectUri = Get("RedirectUri", "ReplyUrl") is string redirect ? new Uri(redirect) : null,
                    LoginHint = Get("Username", "UserName", "User"),
                    Retry = { MaxRetries = 1 },
                });
                break;
            case "clientsecret":
                credential = new TenantDiscoveringCredential(uri, tenant, t => new ClientSecretCredential(t,
                    clientId ?? throw new DataverseConnectionException("AuthType=ClientSecret needs ClientId."),
                    Get("ClientSecret", "Secret") ?? throw new DataverseConnectionException("AuthType=ClientSecret needs ClientSecret."),
                    new ClientSecretCredentialOptions { Retry = { MaxRetries = 1 } }));
                break;
            case "certificate":
                var certificate = LoadCertificate(Get("Thumbprint", "CertThumbprint", "CertificateThumbprint"), Get("StoreName", "CertificateStoreName"), Get("CertificatePath", "CertificateFile"), Get("CertificatePassword"));
                credential = new TenantDiscoveringCredential(uri, tenant, t => new ClientCertificateCredential(t,
                    clientId ?? throw new DataverseConnectionException("AuthType=Certificate needs ClientId."), certificate,
                    new ClientCertificateCredentialOptions { Retry = { MaxRetries = 1 } }));
                break;
            default:
                throw new DataverseConnectionException("AuthType=" + authType + " is not supported: use OAuth, ClientSecret or Certificate (or --url alone for the default credential chain).");
        }
        return new DataverseConnection(uri, credential, authType, description);
    }

    /// <summary>The connection string with every secret replaced by ***: the only form that is ever printed.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string key in builder.Keys) values[key] = Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            return Describe(values);
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string> values)
        => string.Join(";", values.Select(p => p.Key + "=" + (SecretKeys.Contains(p.Key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()) ? "***" : p.Value)));

    private static Uri CheckUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new DataverseConnectionException("'" + url + "' is not an environment URL (https://contoso.crm.dynamics.com).");
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopbackHttp(uri))
            throw new DataverseConnectionException("Plain http:// is accepted only for loopback addresses (the local emulator); use https:// for " + uri.Host + ".");
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static bool IsLoopbackHttp(Uri uri)
        => uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static X509Certificate2 LoadCertificate(string? thumbprint, string? storeName, string? path, string? password)
    {
        if (path != null)
        {
            if (!File.Exists(path)) throw new DataverseConnectionException("CertificatePath " + path + " does not exist.");
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        if (thumbprint == null) throw new DataverseConnectionException("AuthType=Certificate needs Thumbprint (a certificate in the CurrentUser store) or CertificatePath.");
        var name = Enum.TryParse<StoreName>(storeName ?? "My", true, out var parsed) ? parsed : StoreName.My;
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(name, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, false);
                if (found.Count > 0) return found[0];
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // Not every store exists on every OS (Linux has no LocalMachine\My): look in the next one.
            }
        }
        throw new DataverseConnectionException("No certificate with thumbprint " + thumbprint + " in the " + name + " stores.");
    }

    /// <summary>
    /// The official connection strings usually carry no tenant: like the official client, ask the environment. An
    /// anonymous request answers 401 with WWW-Authenticate: Bearer authorization_uri=https://login.../{tenant}/oauth2/authorize.
    /// </summary>
    private sealed class TenantDiscoveringCredential : TokenCredential
    {
        private readonly Uri _url;
        private readonly Func<string, TokenCredential> _create;
        private readonly Lazy<Task<TokenCredential>> _inner;

        public TenantDiscoveringCredential(Uri url, string? tenant, Func<string, TokenCredential> create)
        {
            _url = url;
            _create = create;
            _inner = new Lazy<Task<TokenCredential>>(async () => create(tenant ?? await DiscoverTenantAsync().ConfigureAwait(false)));
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => await (await _inner.Value.ConfigureAwait(false)).GetTokenAsync(requestContext, cancellationToken).ConfigureAwait(false);

        private async Task<string> DiscoverTenantAsync()
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var response = await client.GetAsync(new Uri(_url, "api/data/v9.2/")).ConfigureAwait(false);
            foreach (var header in response.Headers.WwwAuthenticate)
            {
                var parameter = header.Parameter ?? string.Empty;
                var start = parameter.IndexOf("authorization_uri=", StringComparison.OrdinalIgnoreCase);
                if (start < 0) continue;
                var value = parameter[(start + "authorization_uri=".Length)..].Split(',')[0].Trim('"', ' ');
                if (Uri.TryCreate(value, UriKind.Absolute, out var authority) && authority.Segments.Length > 1)
                    return authority.Segments[1].Trim('/');
            }
            throw new DataverseConnectionException("The environment " + _url + " did not name its tenant; add TenantId=... to the connection string.");
        }
    }
}
