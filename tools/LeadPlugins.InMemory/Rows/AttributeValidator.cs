using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Schema checks of writes and column sets: every column exists (case-sensitive) and holds a value of its type.</summary>
internal static class AttributeValidator
{

    public static void ValidateColumns(TableSchema table, ColumnSet columns)
    {
        if (columns.AllColumns) return;
        if (table.FirstMissingColumn(columns.Columns) is { } missing) throw Faults.NoAttribute(table.LogicalName, missing);
    }

    /// <summary>A copy holding only the requested non-null columns, plus the primary id.</summary>
    internal static Entity Project(TableSchema table, Entity row, ColumnSet columns)
    {
        var result = Values.NewEntity(table.LogicalName, row.Id, (columns.AllColumns ? row.Attributes.Count : columns.Columns.Count) + 1);
        if (columns.AllColumns)
        {
            using var pairs = AttributePairs.Of(row.Attributes);
            for (var i = 0; i < pairs.Count; i++)
                if (pairs[i].Value is { } value) result.Attributes[pairs[i].Key] = Values.CloneStoredValue(value);
        }
        else
        {
            var names = columns.Columns;
            for (var i = 0; i < names.Count; i++)
                if (row.Attributes.TryGetValue(names[i], out var value) && value != null) result.Attributes[names[i]] = Values.CloneStoredValue(value);
        }
        result.Attributes[table.PrimaryId] = row.Id;
        return result;
    }

    /// <summary>Every column must exist (case-sensitive) and hold a value of its type, length, range and choice.</summary>
    public static void Validate(DataverseSchema schema, TableSchema table, Entity entity)
    {
        using var pairs = AttributePairs.Of(entity.Attributes);
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var column = table.FindColumn(pair.Key, i) ?? throw Faults.NoAttribute(table.LogicalName, pair.Key);
            var value = pair.Value;
            if (value == null) continue;
            switch (column.Type)
            {
                case ColumnType.String:
                case ColumnType.Memo:
                    if (value is not string text) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.String");
                    if (column.MaxLength is int max && text.Length > max) throw Faults.StringTooLong(table.LogicalName, column.LogicalName, max);
                    break;
                case ColumnType.Integer:
                    if (value is not int number) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Int32");
                    if ((column.MinValue is long min && number < min) || (column.MaxValue is long maxValue && number > maxValue))
                        throw Faults.IntegerOutOfRange(table.LogicalName, column.LogicalName, number);
                    break;
                case ColumnType.Decimal:
                    if (value is not decimal) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Decimal");
                    break;
                case ColumnType.Float:
                    if (value is not double) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Double");
                    break;
                case ColumnType.Money:
                    if (value is not Money) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.Money");
                    break;
                case ColumnType.Boolean:
                    if (value is not bool) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Boolean");
                    break;
                case ColumnType.DateTime:
                    if (value is not DateTime) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.DateTime");
                    break;
                case ColumnType.UniqueIdentifier:
                    if (value is not Guid) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Guid");
                    break;
                case ColumnType.Choice:
                    if (value is not OptionSetValue option) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.OptionSetValue");
                    if (column.OptionValues is { } accepted && !column.AllowsOption(option.Value))
                        throw Faults.InvalidChoice(table.LogicalName, column.LogicalName, option.Value, accepted);
                    break;
                case ColumnType.State:
                case ColumnType.Status:
                    if (value is not OptionSetValue) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.OptionSetValue");
                    break;
                case ColumnType.MultiChoice:
                    if (value is not OptionSetValueCollection options) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.OptionSetValueCollection");
                    foreach (var item in options)
                        if (column.OptionValues is { } acceptedItems && !column.AllowsOption(item.Value))
                            throw Faults.InvalidChoice(table.LogicalName, column.LogicalName, item.Value, acceptedItems);
                    break;
                case ColumnType.Lookup:
                case ColumnType.Customer:
                case ColumnType.Owner:
                    if (value is not EntityReference reference) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.EntityReference");
                    if (!column.AllowsTarget(reference.LogicalName))
                        throw Faults.InvalidArgument("The entity '" + reference.LogicalName + "' is not a valid target of lookup '" + column.LogicalName + "' of '" + table.LogicalName + "' (targets: " + string.Join(", ", column.Targets) + ").");
                    break;
                case ColumnType.PartyList:
                    if (value is not EntityCollection parties) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.EntityCollection");
                    var partyTable = schema.GetTable("activityparty");
                    var entities = parties.Entities; // indexed: a foreach boxes the collection's enumerator
                    for (var p = 0; p < entities.Count; p++) Validate(schema, partyTable, entities[p]);
                    break;
            }
        }
    }
}
