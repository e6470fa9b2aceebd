// Value types of Microsoft.Xrm.Sdk 9.0.2.56 (shared/spec/sdk-surface.md §2.4).
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    [Serializable]
    [DataContract(Name = "EntityReference", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class EntityReference : IExtensibleDataObject
    {
        private KeyAttributeCollection _keyCollection;

        public EntityReference() { }
        public EntityReference(string logicalName) { LogicalName = logicalName; }
        public EntityReference(string logicalName, Guid id) { LogicalName = logicalName; Id = id; }
        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes[keyName] = keyValue;
        }
        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            KeyAttributes = keyAttributeCollection;
        }

        [DataMember] public Guid Id { get; set; }
        [DataMember] public string LogicalName { get; set; }
        [DataMember] public string Name { get; set; }

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get => _keyCollection ?? (_keyCollection = new KeyAttributeCollection());
            set => _keyCollection = value;
        }

        [DataMember] public string RowVersion { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            return obj is EntityReference other
                && Id == other.Id
                && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal);
        }

        public override int GetHashCode() => Id.GetHashCode();
    }

    [CollectionDataContract(Name = "EntityReferenceCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection() { }
        public EntityReferenceCollection(IList<EntityReference> list) { AddRange(list); }
    }

    [DataContract(Name = "EntityCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class EntityCollection : IExtensibleDataObject
    {
        private DataCollection<Entity> _entities;

        public EntityCollection() { }
        public EntityCollection(IList<Entity> list) { _entities = DataCollection<Entity>.CopyOf(list); }

        [DataMember]
        public DataCollection<Entity> Entities
        {
            get => _entities ?? (_entities = new DataCollection<Entity>());
            set => _entities = value;
        }

        [DataMember] public bool MoreRecords { get; set; }
        [DataMember] public string PagingCookie { get; set; }
        [DataMember] public string MinActiveRowVersion { get; set; }
        [DataMember] public int TotalRecordCount { get; set; }
        [DataMember] public bool TotalRecordCountLimitExceeded { get; set; }

        public Entity this[int index]
        {
            get => Entities[index];
            set => Entities[index] = value;
        }

        [DataMember] public string EntityName { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "OptionSetValue", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class OptionSetValue : IExtensibleDataObject
    {
        public OptionSetValue() { }
        public OptionSetValue(int value) { Value = value; }

        [DataMember] public int Value { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is OptionSetValue other && other.Value == Value;
        public override int GetHashCode() => Value.GetHashCode();
    }

    [CollectionDataContract(Name = "OptionSetValueCollection", Namespace = "http://schemas.microsoft.com/xrm/9.0/Contracts")]
    public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
    {
        public OptionSetValueCollection() { }
        public OptionSetValueCollection(IList<OptionSetValue> list) { AddRange(list); }
    }

    [DataContract(Name = "Money", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class Money : IExtensibleDataObject
    {
        public Money() { }
        public Money(decimal value) { Value = value; }

        [DataMember] public decimal Value { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is Money other && other.Value == Value;
        public override int GetHashCode() => Value.GetHashCode();
    }

    [DataContract(Name = "AliasedValue", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class AliasedValue : IExtensibleDataObject
    {
        public AliasedValue() { }
        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        [DataMember] public string AttributeLogicalName { get; internal set; }
        [DataMember] public string EntityLogicalName { get; internal set; }
        [DataMember] public object Value { get; internal set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "Relationship", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship() { }
        public Relationship(string schemaName) { SchemaName = schemaName; }

        [DataMember] public string SchemaName { get; set; }
        [DataMember] public EntityRole? PrimaryEntityRole { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
            => obj is Relationship other
               && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
               && PrimaryEntityRole == other.PrimaryEntityRole;

        public override int GetHashCode() => (SchemaName ?? string.Empty).GetHashCode();
        // "schema.role" ("lead_tasks." without a role), as the real type prints it.
        public override string ToString() => SchemaName + "." + PrimaryEntityRole;
    }

    [DataContract(Name = "EntityRole", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum EntityRole
    {
        [EnumMember] Referencing = 0,
        [EnumMember] Referenced = 1,
    }

    [DataContract(Name = "EntityState", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum EntityState
    {
        [EnumMember] Unchanged = 0,
        [EnumMember] Created = 1,
        [EnumMember] Changed = 2,
    }

    [DataContract(Name = "ConcurrencyBehavior", Namespace = "http://schemas.microsoft.com/xrm/7.1/Contracts")]
    public enum ConcurrencyBehavior
    {
        [EnumMember] Default = 0,
        [EnumMember] IfRowVersionMatches = 1,
        [EnumMember] AlwaysOverwrite = 2,
    }
}
