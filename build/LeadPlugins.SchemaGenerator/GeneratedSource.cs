namespace LeadPlugins.SchemaGenerator
{
    public sealed class GeneratedSource
    {
        public GeneratedSource(string hintName, string text)
        {
            HintName = hintName;
            Text = text;
        }

        public string HintName { get; }
        public string Text { get; }
    }
}
