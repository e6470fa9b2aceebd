namespace LeadPlugins.Solution.Generation;

/// <summary>Schema names (the cased names exports use) of the system tables the solution touches or points to.</summary>
public static class KnownSystemTables
{
    private static readonly Dictionary<string, (string Schema, string Display, int TypeCode)> Known = new(StringComparer.Ordinal)
    {
        ["lead"] = ("Lead", "Lead", 4),
        ["opportunity"] = ("Opportunity", "Opportunity", 3),
        ["task"] = ("Task", "Task", 4212),
        ["email"] = ("Email", "Email", 4202),
        ["phonecall"] = ("PhoneCall", "Phone Call", 4210),
        ["systemuser"] = ("SystemUser", "User", 8),
        ["team"] = ("Team", "Team", 9),
        ["campaign"] = ("Campaign", "Campaign", 4400),
        ["businessunit"] = ("BusinessUnit", "Business Unit", 10),
        ["organization"] = ("Organization", "Organization", 1019),
        ["account"] = ("Account", "Account", 1),
        ["contact"] = ("Contact", "Contact", 2),
        ["activitypointer"] = ("ActivityPointer", "Activity", 4200),
        ["activity"] = ("ActivityPointer", "Activity", 4200),
    };

    /// <summary>Tables every Dataverse environment has: never a missing dependency.</summary>
    public static readonly IReadOnlySet<string> Platform = new HashSet<string>(StringComparer.Ordinal)
    {
        "systemuser", "team", "owner", "businessunit", "organization", "activitypointer", "activity", "transactioncurrency",
    };

    public static bool IsKnown(string logicalName) => Known.ContainsKey(logicalName);

    /// <summary>Schema name of a system table; custom tables use their logical name as schema name.</summary>
    public static string SchemaName(string logicalName) => Known.TryGetValue(logicalName, out var t) ? t.Schema : logicalName;

    /// <summary>
    /// The table part of a privilege name (prvRead&lt;Name&gt;): the schema name, except that every activity type (task,
    /// email, phone call, ...) shares the Activity privileges (prvReadActivity).
    /// </summary>
    public static string PrivilegeName(string logicalName)
        => logicalName is "activity" or "activitypointer" or "task" or "email" or "phonecall" or "appointment" or "letter" or "fax" ? "Activity" : SchemaName(logicalName);

    public static string DisplayName(string logicalName) => Known.TryGetValue(logicalName, out var t) ? t.Display : logicalName;

    public static int? TypeCode(string logicalName) => Known.TryGetValue(logicalName, out var t) ? t.TypeCode : null;
}
