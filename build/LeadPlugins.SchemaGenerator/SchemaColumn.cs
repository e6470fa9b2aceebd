namespace LeadPlugins.SchemaGenerator
{
    /// <summary>A column of the vocabulary: its logical name, C# member name and (text columns) maximum length.</summary>
    public sealed class SchemaColumn
    {
        public SchemaColumn(string logicalName, string memberName, string type, int? maxLength, string summary)
        {
            LogicalName = logicalName;
            MemberName = memberName;
            Type = type;
            MaxLength = maxLength;
            Summary = summary;
        }

        public string LogicalName { get; }
        public string MemberName { get; }
        public string Type { get; }
        public int? MaxLength { get; }
        public string Summary { get; }
    }
}
