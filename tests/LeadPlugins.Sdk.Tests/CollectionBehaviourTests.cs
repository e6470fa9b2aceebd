using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Sdk.Tests;

/// <summary>DataCollection&lt;TKey,TValue&gt; (through its public subclasses) and DataCollection&lt;T&gt; semantics.</summary>
[TestClass]
public sealed class CollectionBehaviourTests
{
    [TestMethod]
    public void Keys_are_ordinal_and_case_sensitive()
    {
        var attributes = new AttributeCollection { { "name", 1 }, { "Name", 2 } };
        Assert.AreEqual(2, attributes.Count);
        Assert.AreEqual(1, attributes["name"]);
        Assert.AreEqual(2, attributes["Name"]);
        Assert.IsFalse(attributes.Contains("NAME"));
        Assert.IsFalse(attributes.ContainsKey("NAME"));
    }

    [TestMethod]
    public void Add_of_an_existing_key_throws_ArgumentException()
    {
        var parameters = new ParameterCollection { { "Target", 1 } };
        Assert.ThrowsExactly<ArgumentException>(() => parameters.Add("Target", 2));
        Assert.ThrowsExactly<ArgumentException>(() => parameters.Add(new KeyValuePair<string, object>("Target", 3)));
        Assert.AreEqual(1, parameters["Target"]);
    }

    [TestMethod]
    public void Indexer_set_adds_a_new_key_and_replaces_an_existing_one()
    {
        var formatted = new FormattedValueCollection();
        formatted["statuscode"] = "New";
        Assert.AreEqual(1, formatted.Count);
        formatted["statuscode"] = "Qualified";
        Assert.AreEqual(1, formatted.Count);
        Assert.AreEqual("Qualified", formatted["statuscode"]);
    }

    [TestMethod]
    public void Indexer_get_of_a_missing_key_throws_KeyNotFoundException()
    {
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = new ParameterCollection()["Target"]);
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = new EntityImageCollection()["PreImage"]);
    }

    [TestMethod]
    public void Remove_reports_whether_the_key_was_there()
    {
        var attributes = new AttributeCollection { { "a", 1 }, { "b", 2 } };
        Assert.IsTrue(attributes.Remove("a"));
        Assert.IsFalse(attributes.Remove("a"));
        Assert.IsFalse(attributes.Remove("B"));
        Assert.IsFalse(attributes.Remove(new KeyValuePair<string, object>("b", 3)), "value must match too");
        Assert.IsTrue(attributes.Remove(new KeyValuePair<string, object>("b", 2)));
        Assert.AreEqual(0, attributes.Count);
    }

    [TestMethod]
    public void TryGetValue_Contains_Keys_Values_Clear()
    {
        var attributes = new AttributeCollection { { "a", 1 }, { "b", null! } };
        Assert.IsTrue(attributes.TryGetValue("a", out var a));
        Assert.AreEqual(1, a);
        Assert.IsFalse(attributes.TryGetValue("c", out var c));
        Assert.IsNull(c);
        Assert.IsTrue(attributes.Contains("b"));
        Assert.IsTrue(attributes.Contains(new KeyValuePair<string, object>("a", 1)));
        Assert.IsFalse(attributes.Contains(new KeyValuePair<string, object>("a", 2)));
        CollectionAssert.AreEquivalent(new[] { "a", "b" }, attributes.Keys.ToList());
        Assert.HasCount(2, attributes.Values);
        Assert.IsFalse(attributes.IsReadOnly);
        Assert.HasCount(2, attributes.ToList(), "enumerates its pairs");
        attributes.Clear();
        Assert.AreEqual(0, attributes.Count);
    }

    [TestMethod]
    public void AddRange_of_pairs_adds_each()
    {
        var attributes = new AttributeCollection();
        attributes.AddRange(new KeyValuePair<string, object>("a", 1), new KeyValuePair<string, object>("b", 2));
        attributes.AddRange(new List<KeyValuePair<string, object>> { new("c", 3) });
        Assert.AreEqual(3, attributes.Count);
        Assert.ThrowsExactly<ArgumentException>(() => attributes.AddRange(new KeyValuePair<string, object>("a", 9)));
    }

    [TestMethod]
    public void ParameterCollection_AddOrUpdateIfNotNull_and_typed_TryGetValue()
    {
        var parameters = new ParameterCollection();
        parameters.AddOrUpdateIfNotNull("Target", null!);
        Assert.IsFalse(parameters.Contains("Target"));
        parameters.AddOrUpdateIfNotNull("Target", "a");
        parameters.AddOrUpdateIfNotNull("Target", "b");
        Assert.AreEqual("b", parameters["Target"]);

        Assert.IsTrue(parameters.TryGetValue<string>("Target", out var target));
        Assert.AreEqual("b", target);
        Assert.IsFalse(parameters.TryGetValue<int>("Target", out var wrongType));
        Assert.AreEqual(0, wrongType);
        Assert.IsFalse(parameters.TryGetValue<string>("Missing", out var missing));
        Assert.IsNull(missing);
    }

    [TestMethod]
    public void DataCollection_of_T_is_a_Collection_with_AddRange_and_ToArray()
    {
        var references = new EntityReferenceCollection();
        var a = new EntityReference("lead", Guid.NewGuid());
        var b = new EntityReference("lead", Guid.NewGuid());
        references.AddRange(a, b);
        references.AddRange(new List<EntityReference> { a });
        CollectionAssert.AreEqual(new[] { a, b, a }, references.ToArray());
        Assert.IsInstanceOfType<System.Collections.ObjectModel.Collection<EntityReference>>(references);

        var fromList = new EntityReferenceCollection(new List<EntityReference> { b });
        Assert.AreSame(b, fromList[0]);
        var options = new OptionSetValueCollection(new List<OptionSetValue> { new(1), new(2) });
        Assert.AreEqual(2, options.Count);
    }

    [TestMethod]
    public void The_non_public_dictionary_constructor_keeps_the_given_dictionary_as_the_table()
    {
        // Source: Microsoft.Xrm.Sdk 9.0.2.56's IL: DataCollection`2(IDictionary) stores its argument in _innerDictionary,
        // and AttributeCollection(IDictionary) passes it on. The in-memory Dataverse sizes attribute tables through it.
        var constructor = typeof(AttributeCollection).GetConstructor(
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null, new[] { typeof(IDictionary<string, object>) }, null);
        Assert.IsNotNull(constructor);
        foreach (IDictionary<string, object> table in new IDictionary<string, object>[] { new Dictionary<string, object>(20), new SortedDictionary<string, object>(StringComparer.Ordinal) })
        {
            var attributes = (AttributeCollection)constructor.Invoke(new object[] { table });
            attributes["b"] = 1;
            attributes.Add("a", 2);
            Assert.IsTrue(attributes.Remove("b"));
            attributes["c"] = 3;
            Assert.AreEqual(2, table.Count, table.GetType().Name);
            Assert.AreEqual(3, table["c"]);
            Assert.IsTrue(attributes.TryGetValue("a", out var a) && (int)a == 2);
            Assert.IsTrue(attributes.Contains("c") && attributes.ContainsKey("a") && !attributes.Contains("b"));
            Assert.AreEqual(2, attributes.Count);
        }
    }

    [TestMethod]
    public void Constructors_that_take_items_hold_a_copy_in_order_and_still_grow()
    {
        // Source: 9.0.2.56's ColumnSet(params string[]), ConditionExpression(..., params object[]) and
        // EntityCollection(IList<Entity>) AddRange the items into a fresh collection; null gives an empty one.
        var names = new[] { "b", "a", null, "b" };
        var columns = new ColumnSet(names);
        names[0] = "changed";
        columns.AddColumn("c");
        CollectionAssert.AreEqual(new[] { "b", "a", null, "b", "c" }, columns.Columns.ToArray());
        Assert.AreEqual(0, new ColumnSet((string[])null!).Columns.Count);

        var values = new object[] { 1, "x" };
        var condition = new ConditionExpression("name", ConditionOperator.In, values);
        values[1] = "changed";
        condition.Values.Add(2);
        CollectionAssert.AreEqual(new object[] { 1, "x", 2 }, condition.Values.ToArray());

        var rows = new List<Entity> { new("lead"), new("contact") };
        var collection = new EntityCollection(rows);
        rows.Clear();
        collection.Entities.Add(new Entity("task"));
        CollectionAssert.AreEqual(new[] { "lead", "contact", "task" }, collection.Entities.Select(e => e.LogicalName).ToArray());
        Assert.AreEqual(0, new EntityCollection(null!).Entities.Count);
    }
}
