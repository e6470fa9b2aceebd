namespace LeadPlugins.InMemory;

/// <summary>A trace line with the step execution that wrote it.</summary>
public sealed record TraceLine(StepExecution Execution, string Text);
