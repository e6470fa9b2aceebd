using System;

namespace LeadPlugins.SchemaGenerator
{
    /// <summary>One vocabulary input file: its role, path and text.</summary>
    public sealed class SchemaInput : IEquatable<SchemaInput>
    {
        public SchemaInput(string role, string path, string text)
        {
            Role = role;
            Path = path;
            Text = text;
        }

        public string Role { get; }
        public string Path { get; }
        public string Text { get; }

        public bool Equals(SchemaInput? other)
            => other != null && Role == other.Role && Path == other.Path && Text == other.Text;

        public override bool Equals(object? obj) => Equals(obj as SchemaInput);

        public override int GetHashCode() => (Role.GetHashCode() * 31 + Path.GetHashCode()) * 31 + Text.GetHashCode();
    }
}
