using System.Collections.Immutable;
using LeadPlugins.SchemaGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LeadPlugins.Schema.Tests;

/// <summary>
/// Compiles C# source with the schema generator over given XML files, in process, as the compiler does in a build
/// (AdditionalFiles with the SchemaVocabulary metadata). Returns the errors of the whole compilation.
/// </summary>
internal static class SchemaCompiler
{
    public static (IReadOnlyList<Diagnostic> Errors, IReadOnlyList<string> GeneratedFiles) Compile(string source, IEnumerable<(string Role, string Path, string Text)> inputs)
    {
        var references = new[] { typeof(object).Assembly.Location, typeof(Enum).Assembly.Location }
            .Concat(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("VocabularyProbe",
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var texts = inputs.Select(i => (AdditionalText)new InMemoryText(i.Path, i.Text)).ToImmutableArray();
        var roles = inputs.ToDictionary(i => i.Path, i => i.Role);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new SchemaVocabularyGenerator().AsSourceGenerator() },
            texts,
            optionsProvider: new RoleOptions(roles));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generated = output.SyntaxTrees.Skip(1).Select(t => t.ToString()).ToList();
        return (errors, generated);
    }

    /// <summary>The real vocabulary inputs: Solution/src/tables, choices.xml and the system tables, as the build passes them.</summary>
    public static List<(string Role, string Path, string Text)> RepositoryInputs()
    {
        var inputs = new List<(string, string, string)>();
        foreach (var file in Directory.GetFiles(RepoFiles.Path("Solution", "src", "tables"), "*.xml").Order(StringComparer.Ordinal))
            inputs.Add(("Tables", file, File.ReadAllText(file)));
        var choices = RepoFiles.Path("Solution", "src", "choices.xml");
        inputs.Add(("Choices", choices, File.ReadAllText(choices)));
        foreach (var file in Directory.GetFiles(RepoFiles.Path("tools", "LeadPlugins.InMemory", "SystemTables"), "*.xml").Order(StringComparer.Ordinal))
            inputs.Add(("SystemTables", file, File.ReadAllText(file)));
        return inputs;
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class RoleOptions(IReadOnlyDictionary<string, string> roles) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(null);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(null);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(roles.TryGetValue(textFile.Path, out var r) ? r : null);
    }

    private sealed class Options(string? role) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = role ?? string.Empty;
            return role != null && key == SchemaVocabularyGenerator.RoleMetadata;
        }
    }
}
