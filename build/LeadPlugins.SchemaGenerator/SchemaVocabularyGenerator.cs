using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LeadPlugins.SchemaGenerator
{
    /// <summary>
    /// Generates the schema vocabulary (namespace <c>LeadPlugins.Schema</c>) from the XML files a project passes as
    /// AdditionalFiles with the metadata SchemaVocabulary = Tables (Solution/src/tables), SystemTables (the system
    /// columns of those tables) or Choices (Solution/src/choices.xml). A column removed from the XML removes its
    /// constant, so code that still names it stops compiling.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SchemaVocabularyGenerator : IIncrementalGenerator
    {
        /// <summary>The AdditionalFiles metadata that marks a file as vocabulary input (made compiler-visible by the targets).</summary>
        public const string RoleMetadata = "build_metadata.AdditionalFiles.SchemaVocabulary";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Plain strings only, so the pipeline's cache compares by value and an unchanged file costs nothing.
            var files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select((pair, cancellationToken) => Read(pair.Left, pair.Right, cancellationToken))
                .Where(file => file != null)
                .Select((file, _) => file!)
                .Collect();
            context.RegisterSourceOutput(files, Emit);
        }

        private static SchemaInput? Read(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            if (!options.GetOptions(text).TryGetValue(RoleMetadata, out var role) || string.IsNullOrWhiteSpace(role)) return null;
            var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
            return new SchemaInput(role.Trim(), text.Path, content);
        }

        private static void Emit(SourceProductionContext context, ImmutableArray<SchemaInput> inputs)
        {
            var model = SchemaModel.Build(inputs.OrderBy(i => i.Path, StringComparer.Ordinal), out var problems);
            foreach (var problem in problems)
                context.ReportDiagnostic(Diagnostic.Create(Problem, Location.None, problem));
            if (model == null) return;
            foreach (var source in VocabularyWriter.Write(model))
                context.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
        }

        private static readonly DiagnosticDescriptor Problem = new DiagnosticDescriptor(
            "LPSCHEMA001", "Schema vocabulary source is invalid", "{0}", "LeadPlugins.Schema", DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
