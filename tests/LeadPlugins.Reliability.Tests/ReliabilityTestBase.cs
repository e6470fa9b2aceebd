using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadPlugins.Reliability.Tests;

/// <summary>How the enrichment plug-in is registered, and so which message creates the leads.</summary>
public enum Registration
{
    /// <summary>The shipped [PluginStep]: Create of lead, PreOperation, sync; leads created one Create each.</summary>
    Create,
    /// <summary>The bulk alternative (README, enrichment): a CreateMultiple step of the same type; one CreateMultiple per batch.</summary>
    CreateMultiple,
}

/// <summary>Fresh in-memory Dataverses with the REAL plug-ins, a fixed clock and readable ids.</summary>
public abstract class ReliabilityTestBase
{
    internal static readonly SolutionSource Solution = SolutionSource.Load();
    /// <summary>Monday 2026-03-02 09:30 UTC.</summary>
    protected static readonly DateTime T0 = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    public TestContext TestContext { get; set; } = null!;

    protected static InMemoryDataverse NewDataverse(int asyncRetryCount = 0) => new(new InMemoryDataverseOptions
    {
        Clock = () => T0,
        IdGenerator = new SequentialIds(1000).Next,
        Solution = Solution,
        AsyncRetryCount = asyncRetryCount,
    });

    /// <summary>A Dataverse with only the enrichment plug-in, registered the given way.</summary>
    protected static InMemoryDataverse WithEnrichment(Registration registration, string? unsecure = null, string? secure = null, int asyncRetryCount = 0)
    {
        var dataverse = NewDataverse(asyncRetryCount);
        RegisterEnrichment(dataverse, registration, unsecure, secure);
        return dataverse;
    }

    protected static void RegisterEnrichment(InMemoryDataverse dataverse, Registration registration, string? unsecure = null, string? secure = null)
    {
        if (registration == Registration.Create) dataverse.RegisterPlugin<EnrichMarketplaceLead>(unsecure, secure);
        else dataverse.RegisterPluginForCreateMultiple<EnrichMarketplaceLead>(unsecure, secure);
    }

    /// <summary>Creates the leads with the registration's message: one Create each, or one CreateMultiple.</summary>
    protected static Guid[] CreateLeads(IOrganizationService service, Registration message, IReadOnlyList<Entity> leads)
    {
        if (message == Registration.Create) return leads.Select(service.Create).ToArray();
        var targets = new EntityCollection(leads.ToList()) { EntityName = "lead" };
        return ((CreateMultipleResponse)service.Execute(new CreateMultipleRequest { Targets = targets })).Ids;
    }

    protected static Entity Lead(params (string Column, object? Value)[] columns)
    {
        var lead = new Entity("lead");
        foreach (var (column, value) in columns) lead[column] = value;
        return lead;
    }

    protected static EnrichmentStatus? Status(Entity row) => (EnrichmentStatus?)row.GetAttributeValue<OptionSetValue>(LeadTable.Columns.EnrichmentStatus)?.Value;

    protected static string Message(Entity row) => row.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage) ?? "";

    protected static string Dump(InMemoryDataverse dataverse)
        => string.Join("\n", dataverse.Audit.Select(a => a + (a.Error == null ? "" : ": " + a.Error) + "\n  " + string.Join("\n  ", a.Traces)));
}
