using LeadPlugins.SolutionModel;

namespace LeadPlugins.InMemory;

/// <summary>One parsed table file and the local choices it declares.</summary>
internal sealed record SchemaFile(TableDefinition Table, IReadOnlyList<ChoiceDefinition> LocalChoices);
