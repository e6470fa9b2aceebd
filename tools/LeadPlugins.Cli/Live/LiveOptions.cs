using System.CommandLine;
using LeadPlugins.WebApi;
using Spectre.Console;

namespace LeadPlugins.Cli.Live;

/// <summary>The options every live command shares (--url, --connection) and the one way they become a client.</summary>
internal sealed class LiveOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "Environment URL (https://contoso.crm.dynamics.com); signs in with the default Azure credential chain. http:// only for loopback (the emulator)", HelpName = "url" };
    public Option<string?> Connection { get; } = new("--connection") { Description = "Connection string in the official client's format (AuthType=OAuth|ClientSecret|Certificate;Url=...;ClientId=...). Default: $" + DataverseConnection.EnvironmentVariable, HelpName = "string" };
    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON lines to stdout instead of tables" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Connection);
        command.Options.Add(Json);
    }

    /// <summary>The client, or null after one line on stderr saying what is wrong (never a secret).</summary>
    public WebApiOrganizationService? Connect(ParseResult parse, IAnsiConsole error)
    {
        try
        {
            var connection = DataverseConnection.Resolve(parse.GetValue(Url), parse.GetValue(Connection));
            error.MarkupLine("[grey]environment:[/] " + Markup.Escape(connection.Description));
            return new WebApiOrganizationService(connection);
        }
        catch (DataverseConnectionException e)
        {
            error.MarkupLine("[red]cannot connect:[/] " + Markup.Escape(e.Message));
            return null;
        }
    }

    /// <summary>Failures of a live command as one line: what happened and what to do.</summary>
    public static int Fail(IAnsiConsole error, Exception e)
    {
        var text = e switch
        {
            System.ServiceModel.FaultException<Microsoft.Xrm.Sdk.OrganizationServiceFault> fault => "Dataverse refused the request (" + WebApiErrors.ToHex(fault.Detail.ErrorCode) + "): " + fault.Message,
            WebApiUnavailableException unavailable => unavailable.Message,
            Azure.Identity.CredentialUnavailableException unavailable => "no credential available: " + FirstLine(unavailable.Message) + " Use --connection, or run 'az login'.",
            Azure.Identity.AuthenticationFailedException auth => "sign-in failed: " + FirstLine(auth.Message) + " Check the connection string's ClientId/TenantId, or run 'az login' for --url.",
            OperationCanceledException => "cancelled; an applied backfill resumes from its checkpoint when run again.",
            _ => e.GetType().Name + ": " + FirstLine(e.Message),
        };
        error.MarkupLine("[red]error:[/] " + Markup.Escape(text));
        return Cli.Failure;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
