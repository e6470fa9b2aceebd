// Entity of Microsoft.Xrm.Sdk 9.0.2.56 (shared/spec/sdk-surface.md §2.3). Behaviour mirrors the real type:
// the indexer throws KeyNotFoundException for a missing attribute, GetAttributeValue<T> returns default(T)
// for a missing or null one and throws InvalidCastException for a value of another type.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    [DataContract(Name = "Entity", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public class Entity : IExtensibleDataObject
    {
        private AttributeCollection _attributes;
        private FormattedValueCollection _formattedValues;
        private RelatedEntityCollection _relatedEntities;
        private KeyAttributeCollection _keyAttributes;

        public Entity() { }
        public Entity(string entityName) { LogicalName = entityName; }
        public Entity(string entityName, Guid id) { LogicalName = entityName; Id = id; }
        public Entity(string entityName, string keyName, object keyValue)
        {
            LogicalName = entityName;
            KeyAttributes[keyName] = keyValue;
        }
        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            KeyAttributes = keyAttributes;
        }

        [DataMember] public string LogicalName { get; set; }
        [DataMember] public virtual Guid Id { get; set; }

        [DataMember]
        public AttributeCollection Attributes
        {
            get => _attributes ?? (_attributes = new AttributeCollection());
            set => _attributes = value;
        }

        [DataMember] public EntityState? EntityState { get; set; }

        [DataMember]
        public FormattedValueCollection FormattedValues
        {
            get => _formattedValues ?? (_formattedValues = new FormattedValueCollection());
            set => _formattedValues = value;
        }

        [DataMember]
        public RelatedEntityCollection RelatedEntities
        {
            get => _relatedEntities ?? (_relatedEntities = new RelatedEntityCollection());
            set => _relatedEntities = value;
        }

        [DataMember] public string RowVersion { get; set; }

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection());
            set => _keyAttributes = value;
        }

        public object this[string attributeName]
        {
            get => Attributes[attributeName];
            set => Attributes[attributeName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        public bool Contains(string attributeName) => Attributes.Contains(attributeName);

        public T ToEntity<T>() where T : Entity
        {
            var entity = Activator.CreateInstance<T>();
            entity.LogicalName = LogicalName;
            entity.Id = Id;
            entity.EntityState = EntityState;
            entity.RowVersion = RowVersion;
            entity.Attributes = Attributes;
            entity.FormattedValues = FormattedValues;
            entity.RelatedEntities = RelatedEntities;
            entity.KeyAttributes = KeyAttributes;
            return entity;
        }

        public EntityReference ToEntityReference()
        {
            // As in 9.0.2.56: logical name, id and row version; the alternate keys are not carried over.
            return new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
        }

        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!Attributes.TryGetValue(attributeLogicalName, out var value) || value == null) return default(T);
            return (T)value;
        }

        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (Attributes.TryGetValue(attributeKey, out var value) && value is T typed)
            {
                result = typed;
                return true;
            }
            result = default(T);
            return false;
        }

        protected virtual void SetAttributeValue(string attributeLogicalName, object value) => Attributes[attributeLogicalName] = value;

        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
            => FormattedValues.TryGetValue(attributeLogicalName, out var text) ? text : null;
    }
}
