using System.Collections.Generic;

namespace LeadPlugins.SchemaGenerator
{
    public sealed class SchemaTable
    {
        public SchemaTable(string logicalName, string className, string primaryId, string summary, IReadOnlyList<SchemaColumn> columns)
        {
            LogicalName = logicalName;
            ClassName = className;
            PrimaryId = primaryId;
            Summary = summary;
            Columns = columns;
        }

        public string LogicalName { get; }
        public string ClassName { get; }
        public string PrimaryId { get; }
        public string Summary { get; }
        public IReadOnlyList<SchemaColumn> Columns { get; }
    }
}
