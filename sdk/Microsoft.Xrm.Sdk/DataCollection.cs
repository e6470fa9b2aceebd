// Collections of Microsoft.Xrm.Sdk 9.0.2.56 (shared/spec/sdk-surface.md §2.3): same base types, same behaviour
// (a missing key throws KeyNotFoundException, keys are compared ordinally, Add of an existing key throws).
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    [Serializable]
    public class DataCollection<T> : Collection<T>
    {
        // internal in 9.0.2.56: callers outside the SDK cannot create a bare DataCollection<T>.
        internal DataCollection() { }
        internal DataCollection(IList<T> list) : base(list) { }

        /// <summary>
        /// What AddRange(items) on an empty collection holds, in a list made at the items' size: the constructors that
        /// take items (ColumnSet, ConditionExpression, EntityCollection) grew it from empty, most of a query's allocation.
        /// </summary>
        internal static DataCollection<T> CopyOf(IList<T> items)
            => items == null ? new DataCollection<T>() : new DataCollection<T>(new List<T>(items));

        public void AddRange(params T[] items) => AddRange((IEnumerable<T>)items);

        public void AddRange(IEnumerable<T> items)
        {
            if (items == null) return;
            foreach (var item in items) Add(item);
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }

    [Serializable]
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private readonly IDictionary<TKey, TValue> _items;
        // _items itself when it is a Dictionary (always, unless a caller passed another IDictionary): the hot members
        // call it directly instead of through the interface.
        private readonly Dictionary<TKey, TValue> _dictionary;

        protected internal DataCollection() : this(new Dictionary<TKey, TValue>()) { }
        protected internal DataCollection(IDictionary<TKey, TValue> collection)
        {
            _items = collection ?? new Dictionary<TKey, TValue>();
            _dictionary = _items as Dictionary<TKey, TValue>;
        }

        public virtual TValue this[TKey key]
        {
            get => _dictionary != null ? _dictionary[key] : _items[key];
            set
            {
                CheckIsReadOnly();
                if (_dictionary != null) _dictionary[key] = value;
                else _items[key] = value;
            }
        }

        public int Count => _dictionary != null ? _dictionary.Count : _items.Count;
        public ICollection<TKey> Keys => _items.Keys;
        public ICollection<TValue> Values => _items.Values;
        public virtual bool IsReadOnly { get; internal set; }

        public void Add(KeyValuePair<TKey, TValue> item) { CheckIsReadOnly(); _items.Add(item); }
        public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
            foreach (var item in items) Add(item);
        }
        public void Add(TKey key, TValue value) { CheckIsReadOnly(); _items.Add(key, value); }
        public void Clear() { CheckIsReadOnly(); _items.Clear(); }
        public bool Contains(TKey key) => _dictionary != null ? _dictionary.ContainsKey(key) : _items.ContainsKey(key);
        public bool Contains(KeyValuePair<TKey, TValue> key) => _items.Contains(key);
        public bool TryGetValue(TKey key, out TValue value) => _dictionary != null ? _dictionary.TryGetValue(key, out value) : _items.TryGetValue(key, out value);
        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);
        public bool ContainsKey(TKey key) => _dictionary != null ? _dictionary.ContainsKey(key) : _items.ContainsKey(key);
        public bool Remove(TKey key) { CheckIsReadOnly(); return _dictionary != null ? _dictionary.Remove(key) : _items.Remove(key); }
        public bool Remove(KeyValuePair<TKey, TValue> item) { CheckIsReadOnly(); return _items.Remove(item); }
        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private void CheckIsReadOnly()
        {
            if (IsReadOnly) throw new InvalidOperationException("The collection is read-only.");
        }
    }

    [CollectionDataContract(Name = "AttributeCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection() { }
        internal AttributeCollection(IDictionary<string, object> collection) : base(collection) { }
    }

    [CollectionDataContract(Name = "FormattedValueCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        public FormattedValueCollection() { }
        internal FormattedValueCollection(IDictionary<string, string> collection) : base(collection) { }
    }

    [Serializable]
    [CollectionDataContract(Name = "KeyAttributeCollection", Namespace = "http://schemas.microsoft.com/xrm/7.1/Contracts")]
    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
        public KeyAttributeCollection() { }
        internal KeyAttributeCollection(IDictionary<string, object> collection) : base(collection) { }
    }

    [CollectionDataContract(Name = "RelatedEntityCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
        public RelatedEntityCollection() { }
        public override bool IsReadOnly { get => base.IsReadOnly; internal set => base.IsReadOnly = value; }
    }

    [CollectionDataContract(Name = "ParameterCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection() { }
        protected ParameterCollection(IDictionary<string, object> collection) : base(collection) { }

        public void AddOrUpdateIfNotNull(string key, object obj)
        {
            if (obj != null) this[key] = obj;
        }

        public bool TryGetValue<T>(string key, out T value)
        {
            // base.: inside this class an unqualified TryGetValue(key, out object) binds to TryGetValue<object> (endless recursion).
            if (base.TryGetValue(key, out object raw) && raw is T typed)
            {
                value = typed;
                return true;
            }
            value = default(T);
            return false;
        }
    }

    [CollectionDataContract(Name = "EntityImageCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection() { }
        internal EntityImageCollection(IDictionary<string, Entity> collection) : base(collection) { }
    }

    [Serializable]
    [CollectionDataContract(Name = "ErrorDetailCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
        public ErrorDetailCollection() { }
    }
}
