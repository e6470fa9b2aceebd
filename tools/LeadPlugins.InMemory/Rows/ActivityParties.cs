using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>The platform keeps an activityparty row per party of an activity's party lists.</summary>
internal sealed class ActivityParties
{
    private static readonly IReadOnlyDictionary<string, int> PartyListMasks = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["from"] = 1, ["to"] = 2, ["cc"] = 3, ["bcc"] = 4, ["requiredattendees"] = 5, ["optionalattendees"] = 6,
        ["organizer"] = 7, ["resources"] = 10, ["customers"] = 11,
    };

    private readonly InMemoryDataverse _dataverse;
    private readonly SharedOptions _masks;

    public ActivityParties(InMemoryDataverse dataverse, SharedOptions masks)
    {
        _dataverse = dataverse;
        _masks = masks;
    }

    private RowStore Store => _dataverse.Store;

    /// <summary>The party-list columns of each table, found once (every write asks).</summary>
    private readonly Dictionary<TableSchema, ColumnSchema[]> _partyLists = new(ReferenceEqualityComparer.Instance);

    public void Write(TableSchema table, Entity stored, Transaction? tx, Entity? changed = null)
    {
        if (!_partyLists.TryGetValue(table, out var partyLists))
            _partyLists[table] = partyLists = table.Columns.Values.Where(c => c.Type == ColumnType.PartyList).ToArray();
        foreach (var column in partyLists)
        {
            if (changed != null && !changed.Contains(column.LogicalName)) continue;
            var mask = PartyListMasks.TryGetValue(column.LogicalName, out var m) ? m : 0;
            if (changed != null) Delete(table, stored.Id, mask, tx);
            if (EntityColumns.ColumnValue<EntityCollection>(stored, column.LogicalName) is not { } parties) continue;
            // Stored values are never changed in place and are copied on every read: the parties of one list can share
            // their activity's reference and their mask.
            var activity = new EntityReference(table.LogicalName, stored.Id);
            var participation = _masks.Get(mask);
            // Indexed: a foreach over an entity collection boxes its enumerator.
            var entities = parties.Entities;
            for (var i = 0; i < entities.Count; i++)
            {
                var party = entities[i];
                var row = Values.NewEntity("activityparty", _dataverse.NewId(), PartyColumns);
                object id = row.Id; // one box for the row and its party (a boxed id never changes)
                row["activitypartyid"] = id;
                row["activityid"] = activity;
                row["participationtypemask"] = participation;
                if (EntityColumns.ColumnValue<EntityReference>(party, "partyid") is { } partyId) row["partyid"] = Values.CloneReference(partyId);
                if (EntityColumns.ColumnValue<string>(party, "addressused") is { } address) row["addressused"] = address;
                party["activitypartyid"] = id;
                Store.Insert(row, tx);
            }
        }
    }

    /// <summary>An activity party row's columns: its id, activity, mask, party and address used.</summary>
    private const int PartyColumns = 5;

    public void Delete(TableSchema table, Guid activityId, int? mask, Transaction? tx)
    {
        var parties = Store.Table("activityparty");
        foreach (var id in parties.Lookup("activityid", activityId).ToList())
        {
            var row = parties.Find(id);
            if (row == null) continue;
            if (mask == null || EntityColumns.ColumnValue<OptionSetValue>(row, "participationtypemask")?.Value == mask) Store.Delete("activityparty", id, tx);
        }
    }
}
