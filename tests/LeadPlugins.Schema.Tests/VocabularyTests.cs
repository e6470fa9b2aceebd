using System.Reflection;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Schema.Tests;

/// <summary>The generated vocabulary compiled into LeadPlugins.Plugins says what Solution/src says.</summary>
[TestClass]
public sealed class VocabularyTests
{
    private static readonly SolutionSource Source = SolutionSource.Load(RepoFiles.Path("Solution", "src"));
    private static readonly Assembly Plugins = typeof(LeadTable).Assembly;

    private static Type TableClass(TableDefinition table)
        => Plugins.GetTypes().Single(t => t.Namespace == "LeadPlugins.Schema" && t.IsClass
            && (string?)t.GetField("LogicalName")?.GetRawConstantValue() == table.LogicalName);

    private static Dictionary<string, object?> Constants(Type type)
        => type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => f.GetRawConstantValue());

    [TestMethod]
    public void Every_table_and_column_of_the_solution_has_its_constant_and_text_columns_their_max_length()
    {
        foreach (var table in Source.Tables)
        {
            var type = TableClass(table);
            var columns = Constants(type.GetNestedType("Columns")!);
            var lengths = Constants(type.GetNestedType("MaxLength")!);
            foreach (var column in table.Columns)
            {
                var member = columns.SingleOrDefault(c => (string?)c.Value == column.LogicalName).Key;
                Assert.IsNotNull(member, table.LogicalName + "." + column.LogicalName + " has no constant");
                if (column.MaxLength is int max) Assert.AreEqual(max, lengths[member], table.LogicalName + "." + column.LogicalName);
            }
        }
    }

    [TestMethod]
    public void Every_choice_is_an_enum_with_the_same_values()
    {
        var xml = System.Xml.Linq.XDocument.Load(RepoFiles.Path("Solution", "src", "choices.xml"));
        foreach (var choice in Source.Choices)
        {
            var codeName = xml.Root!.Elements("choice").Single(c => (string?)c.Attribute("name") == choice.Name).Attribute("codeName")!.Value;
            var type = Plugins.GetType("LeadPlugins.Schema." + codeName);
            Assert.IsNotNull(type, choice.Name);
            CollectionAssert.AreEqual(choice.Options.Select(o => o.Value).ToArray(), Enum.GetValues(type).Cast<int>().ToArray(), choice.Name);
        }
    }

    [TestMethod]
    public void The_nurture_activities_declare_the_same_columns_so_TaskTable_names_all_three()
    {
        var task = Constants(typeof(TaskTable.Columns));
        foreach (var other in new[] { typeof(EmailTable.Columns), typeof(PhoneCallTable.Columns) })
        {
            var columns = Constants(other);
            foreach (var name in new[] { nameof(TaskTable.Columns.NurtureEnrollmentId), nameof(TaskTable.Columns.NurtureStepNumber),
                nameof(TaskTable.Columns.StateCode), nameof(TaskTable.Columns.StatusCode), nameof(TaskTable.Columns.Subject),
                nameof(TaskTable.Columns.Description), nameof(TaskTable.Columns.ScheduledEnd), nameof(TaskTable.Columns.PriorityCode),
                nameof(TaskTable.Columns.RegardingObjectId), nameof(TaskTable.Columns.OwnerId), nameof(TaskTable.Columns.ActivityId) })
                Assert.AreEqual(task[name], columns[name], other.DeclaringType!.Name + "." + name);
        }
    }
}
