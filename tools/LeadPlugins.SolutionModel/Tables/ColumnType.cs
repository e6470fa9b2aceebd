namespace LeadPlugins.SolutionModel;

public enum ColumnType
{
    String,
    Memo,
    Integer,
    Decimal,
    Money,
    Boolean,
    Choice,
    MultiChoice,
    Lookup,
    Customer,
    Owner,
    DateTime,
    UniqueIdentifier,
    State,
    Status,
    PartyList,
    /// <summary>Floating point number (double).</summary>
    Float,
}
