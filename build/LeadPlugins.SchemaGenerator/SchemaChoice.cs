using System.Collections.Generic;

namespace LeadPlugins.SchemaGenerator
{
    public sealed class SchemaChoice
    {
        public SchemaChoice(string name, string enumName, string summary, IReadOnlyList<KeyValuePair<string, int>> options, IReadOnlyList<string> optionLabels)
        {
            Name = name;
            EnumName = enumName;
            Summary = summary;
            Options = options;
            OptionLabels = optionLabels;
        }

        public string Name { get; }
        public string EnumName { get; }
        public string Summary { get; }
        public IReadOnlyList<KeyValuePair<string, int>> Options { get; }
        public IReadOnlyList<string> OptionLabels { get; }
    }
}
