using LeadPlugins.WebApi;

namespace LeadPlugins.Live.Tests;

[TestClass]
public sealed class ConnectionTests
{
    private const string Secret = "PLANTED-s3cret-value-9f1c";

    [TestMethod]
    public void Client_secret_string_in_the_official_format_is_read_and_printed_without_the_secret()
    {
        var connection = DataverseConnection.Parse("AuthType=ClientSecret;Url=https://contoso.crm.dynamics.com;ClientId=11111111-2222-3333-4444-555555555555;ClientSecret=" + Secret + ";TenantId=contoso.onmicrosoft.com");

        Assert.AreEqual(new Uri("https://contoso.crm.dynamics.com/"), connection.Url);
        Assert.AreEqual("ClientSecret", connection.AuthType);
        Assert.IsNotNull(connection.Credential);
        Assert.AreEqual("https://contoso.crm.dynamics.com/.default", connection.Scope);
        Assert.IsFalse(connection.Description.Contains(Secret, StringComparison.Ordinal));
        Assert.IsTrue(connection.Description.Contains("clientsecret=***", StringComparison.OrdinalIgnoreCase), connection.Description);
    }

    [TestMethod]
    public void OAuth_and_certificate_strings_are_read()
    {
        var oauth = DataverseConnection.Parse("AuthType=OAuth;Url=https://contoso.crm.dynamics.com;ClientId=51f81489-12ee-4a9e-aaae-a2591f45987d;RedirectUri=http://localhost;LoginPrompt=Auto");
        Assert.AreEqual("OAuth", oauth.AuthType);
        Assert.IsNotNull(oauth.Credential);

        var error = Assert.ThrowsExactly<DataverseConnectionException>(() => DataverseConnection.Parse("AuthType=Certificate;Url=https://contoso.crm.dynamics.com;ClientId=x;Thumbprint=DEADBEEF"));
        StringAssert.Contains(error.Message, "DEADBEEF");
    }

    [TestMethod]
    public void Plain_http_is_refused_except_for_loopback_which_gets_no_token()
    {
        Assert.ThrowsExactly<DataverseConnectionException>(() => DataverseConnection.FromUrl("http://contoso.crm.dynamics.com"));
        var loopback = DataverseConnection.FromUrl("http://127.0.0.1:5555");
        Assert.IsNull(loopback.Credential);
        Assert.IsNull(DataverseConnection.Parse("AuthType=ClientSecret;Url=http://localhost:5555;ClientId=x;ClientSecret=" + Secret).Credential);
    }

    [TestMethod]
    public void Url_alone_uses_the_default_credential_chain()
    {
        var connection = DataverseConnection.FromUrl("https://contoso.crm.dynamics.com/main.aspx?appid=1");
        Assert.AreEqual("Default", connection.AuthType);
        Assert.AreEqual(new Uri("https://contoso.crm.dynamics.com/"), connection.Url);
    }

    [TestMethod]
    public void Environment_variable_is_read_when_no_option_is_given()
    {
        var connection = DataverseConnection.Resolve(null, null, name => name == DataverseConnection.EnvironmentVariable ? "AuthType=ClientSecret;Url=http://127.0.0.1:1;ClientId=x;ClientSecret=" + Secret : null);
        Assert.AreEqual(new Uri("http://127.0.0.1:1/"), connection.Url);
        Assert.ThrowsExactly<DataverseConnectionException>(() => DataverseConnection.Resolve(null, null, _ => null));
    }

    [TestMethod]
    public void Errors_about_a_connection_string_never_quote_its_secret()
    {
        var bad = new[]
        {
            "AuthType=ClientSecret;ClientSecret=" + Secret,                                        // no Url
            "AuthType=Magic;Url=https://contoso.crm.dynamics.com;ClientSecret=" + Secret,          // unknown type
            "AuthType=ClientSecret;Url=http://contoso.example;ClientSecret=" + Secret,             // http off loopback
            "AuthType=ClientSecret;Url=https://contoso.crm.dynamics.com;ClientSecret=\"" + Secret, // unbalanced quote
        };
        foreach (var text in bad)
        {
            var error = Assert.ThrowsExactly<DataverseConnectionException>(() => DataverseConnection.Parse(text));
            Assert.IsFalse(error.Message.Contains(Secret, StringComparison.Ordinal), error.Message);
        }
        Assert.IsFalse(DataverseConnection.Redact("Url=https://x;Password=" + Secret).Contains(Secret, StringComparison.Ordinal));
    }
}
