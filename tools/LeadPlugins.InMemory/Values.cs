using System.Collections;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Copies and comparisons of SDK values, with the server's wire semantics (every call sees a copy).</summary>
internal static class Values
{
    // AttributeCollection has no public way to size its table, so an entity filled column by column regrows it
    // 3 -> 7 -> 17 -> 37 (an attribute table was a fifth of all allocation). Both Microsoft's SDK and this
    // repository's keep the dictionary given to AttributeCollection's non-public constructor as their table; if a
    // version lacks that constructor, entities are made as before.
    private static readonly Func<IDictionary<string, object>, AttributeCollection>? SizedAttributes = FindSizedAttributes();

    private static Func<IDictionary<string, object>, AttributeCollection>? FindSizedAttributes()
    {
        var constructor = typeof(AttributeCollection).GetConstructor(
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null, new[] { typeof(IDictionary<string, object>) }, null);
        if (constructor == null) return null;
        var table = System.Linq.Expressions.Expression.Parameter(typeof(IDictionary<string, object>), "table");
        return System.Linq.Expressions.Expression.Lambda<Func<IDictionary<string, object>, AttributeCollection>>(
            System.Linq.Expressions.Expression.New(constructor, table), table).Compile();
    }

    /// <summary>An entity whose attribute table holds <paramref name="columns"/> columns without growing.</summary>
    public static Entity NewEntity(string logicalName, Guid id, int columns)
    {
        var entity = new Entity(logicalName, id);
        if (columns > 3 && SizedAttributes != null) entity.Attributes = SizedAttributes(new Dictionary<string, object>(columns));
        return entity;
    }

    public static Entity CloneEntity(Entity source) => CloneEntity(source, 0);

    /// <summary>A copy with room for <paramref name="room"/> more columns (see <see cref="RowWriter.CreateDefaultsRoom"/>).</summary>
    public static Entity CloneEntity(Entity source, int room)
    {
        var copy = NewEntity(source.LogicalName, source.Id, source.Attributes.Count + room);
        copy.RowVersion = source.RowVersion;
        copy.EntityState = source.EntityState;
        using (var pairs = AttributePairs.Of(source.Attributes))
            for (var i = 0; i < pairs.Count; i++) copy.Attributes[pairs[i].Key] = CloneValue(pairs[i].Value);
        // Usually empty: tested without reading the properties, which would make an empty collection on the source.
        if (LazyCollections.HasKeys(source))
            foreach (var pair in source.KeyAttributes) copy.KeyAttributes[pair.Key] = CloneValue(pair.Value);
        if (LazyCollections.HasFormattedValues(source))
            foreach (var pair in source.FormattedValues) copy.FormattedValues[pair.Key] = pair.Value;
        if (LazyCollections.HasRelatedEntities(source))
            foreach (var pair in source.RelatedEntities) copy.RelatedEntities[pair.Key] = CloneCollection(pair.Value);
        return copy;
    }

    /// <summary>
    /// A copy of a stored row: stored rows hold attributes only, and reading an Entity's KeyAttributes, FormattedValues or
    /// RelatedEntities would allocate (and keep) an empty collection on the stored row for every copy.
    /// </summary>
    public static Entity CloneStoredRow(Entity row)
    {
        var copy = NewEntity(row.LogicalName, row.Id, row.Attributes.Count);
        using var pairs = AttributePairs.Of(row.Attributes);
        for (var i = 0; i < pairs.Count; i++) copy.Attributes[pairs[i].Key] = CloneStoredValue(pairs[i].Value);
        return copy;
    }

    /// <summary>
    /// A copy of a stored value. A stored lookup is a table and an id: its alternate keys were resolved on write, so its
    /// KeyAttributes are not read (reading them would allocate and keep an empty collection on the stored reference).
    /// </summary>
    public static object? CloneStoredValue(object? value) => value switch
    {
        null => null,
        string or Guid or int or long or bool or decimal or double or DateTime => value,
        EntityReference r => StoredReference(r),
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        _ => CloneValue(value),
    };

    /// <summary>A lookup as the store keeps it: table, id and name, without alternate keys.</summary>
    public static EntityReference StoredReference(EntityReference r) => new(r.LogicalName, r.Id) { Name = r.Name, RowVersion = r.RowVersion };

    public static EntityCollection CloneCollection(EntityCollection source)
    {
        var copy = new EntityCollection
        {
            EntityName = source.EntityName,
            MoreRecords = source.MoreRecords,
            PagingCookie = source.PagingCookie,
            TotalRecordCount = source.TotalRecordCount,
            TotalRecordCountLimitExceeded = source.TotalRecordCountLimitExceeded,
            MinActiveRowVersion = source.MinActiveRowVersion,
        };
        // Indexed: a foreach over an entity collection boxes its enumerator.
        var entities = source.Entities;
        for (var i = 0; i < entities.Count; i++) copy.Entities.Add(entities[i] == null ? null! : CloneEntity(entities[i]));
        return copy;
    }

    public static EntityReference CloneReference(EntityReference r)
    {
        var copy = new EntityReference(r.LogicalName, r.Id) { Name = r.Name, RowVersion = r.RowVersion };
        if (LazyCollections.HasKeys(r))
            foreach (var pair in r.KeyAttributes) copy.KeyAttributes[pair.Key] = CloneValue(pair.Value);
        return copy;
    }

    public static object? CloneValue(object? value) => value switch
    {
        null => null,
        string or Guid or int or long or bool or decimal or double or DateTime => value,
        EntityReference r => CloneReference(r),
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
        EntityCollection c => CloneCollection(c),
        Entity e => CloneEntity(e),
        EntityReferenceCollection c => new EntityReferenceCollection(c.Select(CloneReference).ToList()),
        ColumnSet c => new ColumnSet(c.Columns.ToArray()) { AllColumns = c.AllColumns },
        AliasedValue a => new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, CloneValue(a.Value)),
        Relationship r => new Relationship(r.SchemaName) { PrimaryEntityRole = r.PrimaryEntityRole },
        OrganizationRequest r => CloneRequest(r),
        OrganizationRequestCollection c => CloneRequests(c),
        ExecuteMultipleSettings s => new ExecuteMultipleSettings { ContinueOnError = s.ContinueOnError, ReturnResponses = s.ReturnResponses },
        _ => value, // queries and other immutable-by-contract values travel as they are
    };

    private static OrganizationRequestCollection CloneRequests(OrganizationRequestCollection source)
    {
        var copy = new OrganizationRequestCollection();
        foreach (var request in source) copy.Add(CloneRequest(request));
        return copy;
    }

    /// <summary>A copy of the request as the server would deserialize it: same type, parameters copied.</summary>
    public static OrganizationRequest CloneRequest(OrganizationRequest request)
    {
        OrganizationRequest copy;
        try
        {
            copy = (OrganizationRequest?)Activator.CreateInstance(request.GetType()) ?? new OrganizationRequest();
        }
        catch (MissingMethodException)
        {
            copy = new OrganizationRequest();
        }
        copy.RequestName = request.RequestName;
        copy.RequestId = request.RequestId;
        using var pairs = AttributePairs.Of(request.Parameters);
        for (var i = 0; i < pairs.Count; i++) copy.Parameters[pairs[i].Key] = CloneValue(pairs[i].Value);
        return copy;
    }

    /// <summary>Normalises a stored or condition value for equality and ordering (strings compare case-insensitively).</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        decimal => value, // already the key: not boxed again
        EntityReference r => r.Id,
        AliasedValue a => Normalize(a.Value),
        double d => (decimal)d,
        float f => (decimal)f,
        Enum e => (decimal)Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => TryNumber(value, out var number) ? Boxed(number) : value,
    };

    // The decimals 0 to 255 boxed once: states, statuses and most choices normalise to one of them instead of a new box
    // for every row an Equal condition tests (a boxed value never changes, so one serves every caller).
    private static readonly object[] SmallWholeNumbers = Enumerable.Range(0, 256).Select(n => (object)(decimal)n).ToArray();

    // Only a number without decimal places takes a shared box, so a value keeps its scale (5.00 stays 5.00).
    private static object Boxed(decimal number) =>
        number.Scale == 0 && number >= 0 && number < SmallWholeNumbers.Length ? SmallWholeNumbers[(int)number] : number;

    /// <summary>
    /// The decimal <see cref="Normalize"/> makes of a choice, whole number, money or decimal, without boxing it (false
    /// for anything else, which <see cref="Normalize"/> handles on its own).
    /// </summary>
    public static bool TryNumber(object? value, out decimal number)
    {
        switch (value)
        {
            case OptionSetValue o: number = o.Value; return true; // the same key as the int a condition carries
            case int i: number = i; return true;
            case long l: number = l; return true;
            case Money m: number = m.Value; return true;
            case decimal d: number = d; return true;
            default: number = 0; return false;
        }
    }

    /// <summary>Key for hash indexes: equal keys exactly when Equal conditions match.</summary>
    public static object? IndexKey(object? value)
    {
        var normalized = Normalize(value);
        return normalized is string s ? s.ToUpperInvariant() : normalized;
    }

    public static int Compare(object? left, object? right)
    {
        var a = Normalize(left);
        var b = Normalize(right);
        if (a == null && b == null) return 0;
        if (a == null) return -1;
        if (b == null) return 1;
        if (a is string sa && b is string sb) return string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
        if (a is decimal da && b is decimal db) return da.CompareTo(db);
        if (a is DateTime ta && b is DateTime tb) return ta.CompareTo(tb);
        if (a is Guid ga && b is Guid gb) return ga.CompareTo(gb);
        if (a is bool ba && b is bool bb) return ba.CompareTo(bb);
        if (a is IComparable ca && a.GetType() == b.GetType()) return ca.CompareTo(b);
        return string.Compare(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(b, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    public static bool AreEqual(object? left, object? right) => Compare(left, right) == 0 && left != null && right != null;

    public static bool IsCollectionValue(object? value) => value is IEnumerable and not string;

    public static DateTime ToUtcWithoutMilliseconds(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
