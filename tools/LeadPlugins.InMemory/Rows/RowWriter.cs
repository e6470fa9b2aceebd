using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>
/// Writes rows as the platform's main operation does: defaults (id, created/modified, owner, state), validation of
/// names, types and lookups, the merged stored row, alternate keys and activity parties.
/// </summary>
internal sealed class RowWriter
{
    private readonly InMemoryDataverse _dataverse;

    public RowWriter(InMemoryDataverse dataverse)
    {
        _dataverse = dataverse;
        Finder = new RowFinder(dataverse);
        Parties = new ActivityParties(dataverse, _sharedOptions);
    }

    public RowFinder Finder { get; }
    private ActivityParties Parties { get; }
    private DataverseSchema Schema => _dataverse.Schema;
    private RowStore Store => _dataverse.Store;

    /// <summary>Inserts a row for tests (no pipeline, no lookup checks), filling system columns the platform would.</summary>
    public void Seed(Entity row, Guid userId, DateTime now)
    {
        var table = Schema.GetTable(row.LogicalName);
        if (row.Id == Guid.Empty) row.Id = row.GetAttributeValue<Guid?>(table.PrimaryId) ?? _dataverse.NewId();
        if (Store.Find(table.LogicalName, row.Id) != null) throw Faults.DuplicateKey();
        AttributeValidator.Validate(Schema, table, row);
        var seeded = row.Contains("statecode") ? row["statecode"] : null;
        ApplyCreateDefaults(table, row, userId, now, honourState: true);
        if (seeded is OptionSetValue state && table.HasState && !row.Contains("statuscode"))
            row["statuscode"] = new OptionSetValue(table.DefaultStatus(state.Value));
        var stored = BuildStoredRow(table, row, null, validateReferences: false);
        Store.Insert(stored, null);
        Parties.Write(table, stored, null);
    }

    internal Guid CreateRow(Entity target, RequestContext context)
    {
        var table = Schema.GetTable(target.LogicalName);
        var defaultsBeforePreOperation = context.HasDefaults(target);
        if (!defaultsBeforePreOperation) ApplyCreateDefaults(table, target, context.Call.UserId, _dataverse.Now(), honourState: false, storedOnly: context.OwnsTarget);
        if (Store.Find(table.LogicalName, target.Id) != null) throw Faults.DuplicateKey();
        AttributeValidator.Validate(Schema, table, target);
        // PreOperation plug-ins may have set another status since the defaults were applied.
        if (defaultsBeforePreOperation) EnforceCreateState(table, target);
        var stored = BuildStoredRow(table, target, null, validateReferences: true, keepSource: context.OwnsTarget);
        Finder.CheckAlternateKeys(table, stored);
        Store.Insert(stored, context.Transaction);
        Parties.Write(table, stored, context.Transaction);
        return stored.Id;
    }

    /// <summary>
    /// How many columns a Create of the entity adds (<see cref="ApplyCreateDefaults"/>, and a person's full name in
    /// <see cref="BuildStoredRow"/>): the service boundary's copy is made with that room, so it becomes the stored row
    /// without its attribute table growing, and with no slot to spare (every stored row keeps its table: a fixed room
    /// of 11 gave a task's 17 columns a table of 23). Of the columns added, callers set the primary id, owner and status
    /// themselves, never the system columns (created/modified, owning, state), so only those three are looked for: this
    /// runs on every Create, and a column set after all only makes the table one size larger.
    /// </summary>
    internal int CreateDefaultsRoom(Entity entity)
    {
        var table = entity.LogicalName == null ? null : Schema.FindTable(entity.LogicalName);
        if (table == null) return 0; // the Create faults
        var attributes = entity.Attributes;
        var room = (attributes.ContainsKey(table.PrimaryId) ? 0 : 1) + 4; // and created/modified on and by
        if (table.IsUserOwned) room += (attributes.ContainsKey("ownerid") ? 0 : 1) + 2; // and owning user or team, business unit
        if (table.HasState) room += (attributes.ContainsKey("statuscode") ? 0 : 1) + 1; // and the state
        if (table.LogicalName is "lead" or "contact" or "systemuser") room++; // the full name
        return room;
    }

    /// <summary>What the platform adds to a Create's Target before PreOperation: id, created/modified, owner, state.</summary>
    /// <param name="storedOnly">The target goes straight to the store and no plug-in sees it: its lookups to the user
    /// can be one shared, never-changed reference (stored values are copied on every read).</param>
    internal void ApplyCreateDefaults(TableSchema table, Entity target, Guid userId, DateTime now, bool honourState, bool storedOnly = false)
    {
        if (target.Id == Guid.Empty)
            target.Id = target.Attributes.TryGetValue(table.PrimaryId, out var given) && given is Guid g && g != Guid.Empty ? g : _dataverse.NewId();
        target[table.PrimaryId] = target.Id;
        // Stored only: the user's one shared reference, looked up once for the created/modified by and owner columns.
        var sharedUser = storedOnly ? _sharedUsers.Get(userId) : null;
        EntityReference User() => sharedUser ?? new EntityReference("systemuser", userId);
        var boxedNow = Boxed(now);
        if (!honourState || !target.Contains("createdon"))
            target["createdon"] = EntityColumns.ColumnValue<DateTime?>(target, "overriddencreatedon") is { } overridden ? Values.ToUtcWithoutMilliseconds(overridden) : boxedNow;
        if (!honourState || !target.Contains("modifiedon")) target["modifiedon"] = boxedNow;
        if (!honourState || !target.Contains("createdby")) target["createdby"] = User();
        if (!honourState || !target.Contains("modifiedby")) target["modifiedby"] = User();
        if (table.IsUserOwned)
        {
            if (EntityColumns.ColumnValue<EntityReference>(target, "ownerid") == null) target["ownerid"] = User();
            SetOwningColumns(target, EntityColumns.ColumnValue<EntityReference>(target, "ownerid"), storedOnly);
        }
        if (table.HasState)
        {
            if (honourState && EntityColumns.ColumnValue<OptionSetValue>(target, "statecode") is { } seededState)
            {
                if (!target.Contains("statuscode")) target["statuscode"] = new OptionSetValue(table.DefaultStatus(seededState.Value));
            }
            else
            {
                EnforceCreateState(table, target, storedOnly);
            }
        }
    }

    /// <summary>
    /// The clock's time boxed once per second: a boxed DateTime never changes, and every row created within the same
    /// second stores the same created/modified on.
    /// </summary>
    private object Boxed(DateTime now)
    {
        if (_boxedNow is not DateTime last || last != now || last.Kind != now.Kind) _boxedNow = now;
        return _boxedNow;
    }

    private object? _boxedNow;

    /// <summary>statecode on Create is ignored (created active); a statuscode of another state faults.</summary>
    /// <param name="storedOnly">No plug-in sees the target: the state and status can be shared choice values (stored
    /// values are never changed in place and are copied on every read).</param>
    private void EnforceCreateState(TableSchema table, Entity target, bool storedOnly = false)
    {
        if (!table.HasState) return;
        var activeState = table.ActiveState;
        var requested = EntityColumns.ColumnValue<OptionSetValue>(target, "statuscode");
        if (requested != null)
        {
            var definition = table.FindStatus(requested.Value);
            if (definition == null || definition.State != activeState) throw Faults.InvalidStatus(table, activeState, requested.Value, target.Id);
        }
        var status = requested?.Value ?? table.DefaultStatus(activeState);
        target["statecode"] = storedOnly ? _sharedOptions.Get(activeState) : new OptionSetValue(activeState);
        target["statuscode"] = storedOnly ? _sharedOptions.Get(status) : new OptionSetValue(status);
    }

    // One reference per user, team or business unit for the rows that hold it (created by, owner...): stored values
    // are never changed in place and are copied on every read, so they can share it. Thousands of rows a second name
    // the same few users; a table apiece keeps the lookup to a Guid's hash.
    private readonly SharedReferences _sharedUsers = new("systemuser");
    private readonly SharedReferences _sharedTeams = new("team");
    private readonly SharedReferences _sharedUnits = new("businessunit");

    // Choices stored by this writer and its activity parties, shared as the references above are.
    private readonly SharedOptions _sharedOptions = new();

    /// <summary>Whether owninguser/owningteam already name the row's owner (the Create defaults set them a moment ago).</summary>
    private static bool OwningColumnsMatch(Entity row)
    {
        var owner = EntityColumns.ColumnValue<EntityReference>(row, "ownerid");
        if (owner == null || !row.Attributes.TryGetValue("owningbusinessunit", out var unit) || unit == null) return false;
        var owning = EntityColumns.ColumnValue<EntityReference>(row, owner.LogicalName == "team" ? "owningteam" : "owninguser");
        return owning != null && owning.Id == owner.Id && !row.Contains(owner.LogicalName == "team" ? "owninguser" : "owningteam");
    }

    private void SetOwningColumns(Entity row, EntityReference? owner, bool storedOnly = false)
    {
        if (owner == null) return;
        EntityReference Reference(SharedReferences shared, Guid id) => storedOnly ? shared.Get(id) : new EntityReference(shared.Table, id);
        // The column that does not apply is left out, not set to null: a row holds no nulls, and an unused slot would
        // grow every created row's attribute table past its next size.
        if (owner.LogicalName == "team")
        {
            row["owningteam"] = Reference(_sharedTeams, owner.Id);
            row.Attributes.Remove("owninguser");
        }
        else
        {
            row["owninguser"] = Reference(_sharedUsers, owner.Id);
            row.Attributes.Remove("owningteam");
        }
        var ownerRow = Store.Find(owner.LogicalName, owner.Id);
        var unit = ownerRow == null ? null : EntityColumns.ColumnValue<EntityReference>(ownerRow, "businessunitid");
        row["owningbusinessunit"] = Reference(_sharedUnits, unit?.Id ?? _dataverse.RootBusinessUnitId);
    }

    internal void UpdateRow(Entity target, RequestContext context)
    {
        var table = Schema.GetTable(target.LogicalName);
        var existing = ResolveUpdateTarget(table, target);
        AttributeValidator.Validate(Schema, table, target);
        if (!context.HasDefaults(target)) ApplyUpdateDefaults(target, context.Call.UserId, _dataverse.Now());
        var stored = BuildStoredRow(table, target, existing, validateReferences: true);
        ApplyStateChange(table, target, existing, stored);
        Finder.CheckAlternateKeys(table, stored);
        Store.Replace(stored, context.Transaction);
        Parties.Write(table, stored, context.Transaction, target);
    }

    /// <summary>Finds the row an Update/Delete targets (by Id, primary id column or alternate key) and sets Target.Id.</summary>
    private Entity ResolveUpdateTarget(TableSchema table, Entity target)
    {
        if (target.Id == Guid.Empty && target.Attributes.TryGetValue(table.PrimaryId, out var given) && given is Guid g) target.Id = g;
        var row = Finder.ResolveRow(table, target.Id, target.KeyAttributes);
        target.Id = row.Id;
        return row;
    }

    internal static void ApplyUpdateDefaults(Entity target, Guid userId, DateTime now)
    {
        target["modifiedon"] = now;
        target["modifiedby"] = new EntityReference("systemuser", userId);
    }

    /// <summary>statecode/statuscode through Update are validated as a pair (supported since CRM 2015 Update 1).</summary>
    private static void ApplyStateChange(TableSchema table, Entity target, Entity existing, Entity stored)
    {
        if (!table.HasState) return;
        var state = target.Attributes.TryGetValue("statecode", out var s) ? s as OptionSetValue : null;
        var status = target.Attributes.TryGetValue("statuscode", out var t) ? t as OptionSetValue : null;
        if (state == null && status == null) return;
        var newState = state?.Value ?? existing.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
        if (!table.IsValidState(newState)) throw Faults.InvalidState(table, newState);
        var newStatus = status?.Value ?? table.DefaultStatus(newState);
        var definition = table.FindStatus(newStatus);
        if (definition == null || definition.State != newState) throw Faults.InvalidStatus(table, newState, newStatus, existing.Id);
        stored["statecode"] = new OptionSetValue(newState);
        stored["statuscode"] = new OptionSetValue(newStatus);
    }

    /// <summary>Deletes a row with its activity parties and N:N intersect rows.</summary>
    public void DeleteRow(TableSchema table, Entity row, Transaction? tx)
    {
        Store.Delete(table.LogicalName, row.Id, tx);
        if (table.PrimaryId == "activityid") Parties.Delete(table, row.Id, null, tx);
        foreach (var association in Store.Associations.Where(a => a.Entity1.Id == row.Id || a.Entity2.Id == row.Id).ToList())
        {
            Store.Disassociate(association, tx);
            if (Schema.ManyToManyRelationships.TryGetValue(association.Relationship, out var declared)) DeleteIntersectRows(declared, association, tx);
        }
    }

    /// <summary>The intersect row of an association, with entity 1's id and entity 2's id in their columns.</summary>
    public void WriteIntersectRow(ManyToManyRelationship relationship, Association association, Transaction? tx)
    {
        var (first, second) = Ordered(relationship, association);
        var table = Schema.GetTable(relationship.IntersectEntity);
        var row = new Entity(table.LogicalName, _dataverse.NewId());
        row[table.PrimaryId] = row.Id;
        row[relationship.Entity1IntersectAttribute] = first;
        row[relationship.Entity2IntersectAttribute] = second;
        Store.Insert(row, tx);
    }

    public void DeleteIntersectRows(ManyToManyRelationship relationship, Association association, Transaction? tx)
    {
        var (first, second) = Ordered(relationship, association);
        var rows = Store.Table(relationship.IntersectEntity);
        foreach (var id in rows.Lookup(relationship.Entity1IntersectAttribute, first).ToList())
            if (rows.Find(id)?.GetAttributeValue<Guid?>(relationship.Entity2IntersectAttribute) == second) Store.Delete(relationship.IntersectEntity, id, tx);
    }

    /// <summary>Associate may name either side first (role then user, or user then role).</summary>
    private static (Guid First, Guid Second) Ordered(ManyToManyRelationship relationship, Association association)
        => association.Entity1.LogicalName == relationship.Entity1 ? (association.Entity1.Id, association.Entity2.Id) : (association.Entity2.Id, association.Entity1.Id);

    /// <summary>
    /// The row to store: a copy of the existing row (if any) merged with the target's values (null clears). With
    /// <paramref name="keepSource"/> the target itself becomes the row (a boundary copy nobody else holds).
    /// </summary>
    private Entity BuildStoredRow(TableSchema table, Entity source, Entity? existing, bool validateReferences, bool keepSource = false)
    {
        var row = keepSource ? source : existing == null ? Values.NewEntity(table.LogicalName, source.Id, source.Attributes.Count) : Values.CloneStoredRow(existing);
        // A row's created/modified by, owner and owning user are often one reference (or the same user): the store
        // does not change while the row is built, so a lookup checked once by id need not be looked up again.
        EntityReference? checkedById = null;
        using var pairs = AttributePairs.Of(source.Attributes);
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            if (pair.Value == null)
            {
                row.Attributes.Remove(pair.Key);
                continue;
            }
            // A choice is stored as a shared value: stored values are never changed in place and are copied on every read.
            var value = keepSource ? pair.Value : pair.Value is OptionSetValue option ? _sharedOptions.Get(option.Value) : Values.CloneValue(pair.Value);
            switch (value)
            {
                case DateTime date:
                    var stored = table.FindColumn(pair.Key, i)!.Behavior == "DateOnly" ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) : Values.ToUtcWithoutMilliseconds(date);
                    if (stored != date || stored.Kind != date.Kind) value = stored;
                    break;
                case EntityReference reference:
                    if (!validateReferences) value = Values.StoredReference(reference);
                    else if (!SameRowById(reference, checkedById))
                    {
                        value = CheckReference(reference);
                        if (reference.Id != Guid.Empty) checkedById = reference;
                    }
                    break;
                case EntityCollection parties:
                    // Indexed: a foreach over an entity collection boxes its enumerator.
                    var entities = parties.Entities;
                    for (var p = 0; p < entities.Count; p++)
                    {
                        var party = entities[p];
                        party.LogicalName = "activityparty";
                        if (validateReferences && EntityColumns.ColumnValue<EntityReference>(party, "partyid") is { } partyId) CheckReference(partyId);
                    }
                    break;
            }
            // The pairs are a copy, so the row (the source itself when kept) can change while they are read.
            if (!keepSource || !ReferenceEquals(value, pair.Value)) row.Attributes[pair.Key] = value;
        }
        if (!(row.Attributes.TryGetValue(table.PrimaryId, out var storedId) && storedId is Guid g && g == row.Id)) row[table.PrimaryId] = row.Id;
        // The row is the one to store, so its owning columns can be the shared references.
        if (table.IsUserOwned && source.Contains("ownerid") && !(keepSource && OwningColumnsMatch(row))) SetOwningColumns(row, EntityColumns.ColumnValue<EntityReference>(row, "ownerid"), storedOnly: true);
        // The table's name first: most rows written are not people, and its test needs no lookup.
        if (table.LogicalName is "lead" or "contact" or "systemuser" && (source.Contains("firstname") || source.Contains("lastname")) && table.FindColumn("fullname") != null)
        {
            var fullName = (EntityColumns.ColumnValue<string>(row, "firstname") + " " + EntityColumns.ColumnValue<string>(row, "lastname")).Trim();
            if (fullName.Length > 0) row["fullname"] = fullName;
            else row.Attributes.Remove("fullname");
        }
        return row;
    }

    /// <summary>Whether a lookup names by id the same row as one already checked (what <see cref="CheckReference"/> reads).</summary>
    private static bool SameRowById(EntityReference reference, EntityReference? checkedById)
        => checkedById != null && (ReferenceEquals(reference, checkedById)
            || (reference.Id == checkedById.Id && string.Equals(reference.LogicalName, checkedById.LogicalName, StringComparison.Ordinal)));

    /// <summary>A lookup must point to an existing row (resolved by alternate key when it carries one).</summary>
    private EntityReference CheckReference(EntityReference reference)
    {
        // By id: the alternate keys are not consulted (so not read), the reference is stored as it is. A row found is
        // of a known table (the store makes its tables from the schema), so the schema is read only when none is.
        if (reference.Id != Guid.Empty && RowExists(reference)) return reference;
        var table = Schema.FindTable(reference.LogicalName);
        if (table == null) return reference;
        if (reference.Id != Guid.Empty) throw Faults.DoesNotExist(table.LogicalName, reference.Id);
        var row = Finder.ResolveRow(table, reference.Id, reference.KeyAttributes);
        return new EntityReference(reference.LogicalName, row.Id) { Name = reference.Name };
    }

    private bool RowExists(EntityReference reference) => reference.LogicalName is { } table && Store.Find(table, reference.Id) != null;

    /// <summary>FakeXrmEasy v3's CreateMultiple/UpdateMultiple validation: Targets, EntityName, one logical name, no duplicate ids.</summary>
    public void ValidateBulk(OrganizationRequest request, bool isCreate)
    {
        var targets = (request.Parameters.TryGetValue("Targets", out var given) ? given as EntityCollection : null) ?? throw Faults.RequiredField("Targets");
        if (string.IsNullOrWhiteSpace(targets.EntityName)) throw Faults.InvalidArgument("Required member 'EntityName' missing for field 'Targets'");
        Schema.GetTable(targets.EntityName);
        if (targets.Entities.Count == 0)
            throw Faults.Create(ErrorCodes.UnExpected, "System.ArgumentException: The value of the parameter 'Targets' cannot be null or empty.");
        var ids = new HashSet<Guid>();
        foreach (var entity in targets.Entities)
        {
            if (entity.LogicalName != targets.EntityName)
                throw Faults.InvalidArgument("This entity cannot be added to the specified collection. The collection can have entities with PlatformName = "
                    + targets.EntityName + " while this entity has Platform Name: " + entity.LogicalName);
            if (entity.Id != Guid.Empty && !ids.Add(entity.Id)) throw Faults.DuplicateKey();
            if (isCreate && entity.Id != Guid.Empty && Store.Find(entity.LogicalName, entity.Id) != null) throw Faults.DuplicateKey();
        }
    }
}
