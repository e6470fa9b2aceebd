using LeadPlugins.SolutionModel;

namespace LeadPlugins.InMemory;

/// <summary>Settings of an <see cref="InMemoryDataverse"/>.</summary>
public sealed class InMemoryDataverseOptions
{
    /// <summary>UTC clock for createdon/modifiedon and date operators. Default: the system clock.</summary>
    public Func<DateTime>? Clock { get; set; }

    /// <summary>Ids for new rows. Default: a random prefix per store and a counter (unique, not repeatable). <see cref="SequentialIds"/> gives readable, repeatable ids.</summary>
    public Func<Guid>? IdGenerator { get; set; }

    /// <summary>
    /// Ids of the rows the store starts with (organization, root business unit, SYSTEM user, default caller). Default:
    /// four new ids from <see cref="IdGenerator"/>. A process that replaces its store with a fresh one (simulate's
    /// windows) passes the first store's <see cref="InMemoryDataverse.SystemRowIds"/>: one organization keeps its
    /// business unit and users, and the ids of created rows do not depend on how often the store was replaced.
    /// </summary>
    public SystemRowIds? SystemRowIds { get; set; }

    /// <summary>The product's solution source. Default: <see cref="SolutionSource.Load"/> (Solution/src above the app).</summary>
    public SolutionSource? Solution { get; set; }

    /// <summary>Load no solution source: system tables only.</summary>
    public bool SystemTablesOnly { get; set; }

    /// <summary>Directory of the built-in system tables. Default: SystemTables next to this assembly.</summary>
    public string? SystemTablesDirectory { get; set; }

    /// <summary>
    /// Table files parsed before, to build this store's schema from without reading a file: make one with
    /// <see cref="InMemory.SchemaSource.Read"/> when a process makes many stores. When set, <see cref="Solution"/>,
    /// <see cref="SystemTablesOnly"/> and <see cref="SystemTablesDirectory"/> are not read (the source holds them).
    /// </summary>
    public SchemaSource? SchemaSource { get; set; }

    /// <summary>Directory holding Fetch.xsd. Default: $LEADPLUGINS_SCHEMAS, else shared/schemas/dataverse above the repository.</summary>
    public string? SchemasDirectory { get; set; }

    /// <summary>Maximum pipeline depth; a deeper request faults (the platform's limit is 8).</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>N:N relationships beyond the built-in ones (systemuserroles, teammembership): custom intersect tables.</summary>
    public IList<ManyToManyRelationship> ManyToManyRelationships { get; } = new List<ManyToManyRelationship>();

    /// <summary>How many times a failing async job is retried before it is recorded as failed. Default 0.</summary>
    public int AsyncRetryCount { get; set; }
}
