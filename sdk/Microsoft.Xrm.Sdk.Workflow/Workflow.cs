// Custom workflow activity contracts of Microsoft.Xrm.Sdk.Workflow 9.0.2.34 (shared/spec/sdk-surface.md §2.9).
using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    public interface IWorkflowContext : IExecutionContext
    {
        string StageName { get; }
        int WorkflowCategory { get; }
        int WorkflowMode { get; }
        IWorkflowContext ParentContext { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public abstract class ParameterAttribute : Attribute
    {
        protected ParameterAttribute(string name) { Name = name; }
        public string Name { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class InputAttribute : ParameterAttribute
    {
        public InputAttribute(string name) : base(name) { }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name) : base(name) { }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ReferenceTargetAttribute : Attribute
    {
        public ReferenceTargetAttribute(string entityName) { EntityName = entityName; }
        public string EntityName { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AttributeTargetAttribute : Attribute
    {
        public AttributeTargetAttribute(string entityName, string attributeName) { EntityName = entityName; AttributeName = attributeName; }
        public string EntityName { get; }
        public string AttributeName { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DefaultAttribute : Attribute
    {
        public DefaultAttribute(string value) { Value = value; }
        public DefaultAttribute(string value, string entityName) { Value = value; EntityName = entityName; }
        public string EntityName { get; }
        public string Value { get; }
    }
}
