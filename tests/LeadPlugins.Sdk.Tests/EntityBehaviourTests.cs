using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Sdk.Tests;

/// <summary>
/// Entity and its value types behave like Microsoft.Xrm.Sdk 9.0.2.56 (our contracts are the runtime of every test).
/// The same test code was also run once against Microsoft's binaries (see README "How compatibility is proven").
/// </summary>
[TestClass]
public sealed class EntityBehaviourTests
{
    private static readonly Guid LeadId = new("5f0c8bde-27a8-4b3e-9d3a-0c1c7a7a0001");

    [TestMethod]
    public void Indexer_on_missing_attribute_throws_KeyNotFoundException()
    {
        var lead = new Entity("lead");
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = lead["subject"]);
    }

    [TestMethod]
    public void Indexer_set_adds_then_replaces()
    {
        var lead = new Entity("lead") { ["subject"] = "first" };
        lead["subject"] = "second";
        Assert.AreEqual("second", lead["subject"]);
        Assert.AreEqual(1, lead.Attributes.Count);
        Assert.AreSame(lead.Attributes["subject"], lead["subject"]);
    }

    [TestMethod]
    public void Attribute_names_are_case_sensitive()
    {
        var lead = new Entity("lead") { ["subject"] = "x" };
        Assert.IsTrue(lead.Contains("subject"));
        Assert.IsFalse(lead.Contains("Subject"));
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = lead["Subject"]);
        Assert.IsNull(lead.GetAttributeValue<string>("SUBJECT"));
    }

    [TestMethod]
    public void Contains_is_true_for_an_attribute_set_to_null()
    {
        var lead = new Entity("lead") { ["subject"] = null };
        Assert.IsTrue(lead.Contains("subject"));
        Assert.IsFalse(lead.Contains("description"));
        Assert.IsNull(lead["subject"]);
    }

    [TestMethod]
    public void GetAttributeValue_returns_default_for_missing_or_null()
    {
        var lead = new Entity("lead") { ["subject"] = null, ["mpl_score"] = null };
        Assert.IsNull(lead.GetAttributeValue<string>("subject"));
        Assert.IsNull(lead.GetAttributeValue<string>("missing"));
        Assert.AreEqual(0, lead.GetAttributeValue<int>("mpl_score"));
        Assert.AreEqual(0, lead.GetAttributeValue<int>("missing"));
        Assert.IsNull(lead.GetAttributeValue<int?>("missing"));
        Assert.AreEqual(Guid.Empty, lead.GetAttributeValue<Guid>("missing"));
        Assert.IsFalse(lead.GetAttributeValue<bool>("missing"));
        Assert.IsNull(lead.GetAttributeValue<EntityReference>("missing"));
        Assert.IsNull(lead.GetAttributeValue<OptionSetValue>("missing"));
        Assert.IsNull(lead.GetAttributeValue<Money>("missing"));
    }

    [TestMethod]
    public void GetAttributeValue_returns_the_stored_value()
    {
        var owner = new EntityReference("systemuser", LeadId);
        var lead = new Entity("lead") { ["subject"] = "Hello", ["mpl_score"] = 42, ["ownerid"] = owner, ["revenue"] = new Money(10m) };
        Assert.AreEqual("Hello", lead.GetAttributeValue<string>("subject"));
        Assert.AreEqual(42, lead.GetAttributeValue<int>("mpl_score"));
        Assert.AreEqual(42, lead.GetAttributeValue<int?>("mpl_score"));
        Assert.AreEqual(42, lead.GetAttributeValue<object>("mpl_score"));
        Assert.AreSame(owner, lead.GetAttributeValue<EntityReference>("ownerid"));
        Assert.AreEqual(10m, lead.GetAttributeValue<Money>("revenue").Value);
    }

    [TestMethod]
    public void GetAttributeValue_of_another_type_throws_InvalidCastException()
    {
        var lead = new Entity("lead") { ["subject"] = "Hello", ["mpl_score"] = 42, ["statuscode"] = new OptionSetValue(1) };
        Assert.ThrowsExactly<InvalidCastException>(() => lead.GetAttributeValue<int>("subject"));
        Assert.ThrowsExactly<InvalidCastException>(() => lead.GetAttributeValue<string>("mpl_score"));
        Assert.ThrowsExactly<InvalidCastException>(() => lead.GetAttributeValue<long>("mpl_score"));
        Assert.ThrowsExactly<InvalidCastException>(() => lead.GetAttributeValue<int>("statuscode"));
        Assert.ThrowsExactly<InvalidCastException>(() => lead.GetAttributeValue<EntityReference>("statuscode"));
    }

    [TestMethod]
    public void TryGetAttributeValue_reports_presence_and_type()
    {
        var lead = new Entity("lead") { ["subject"] = "Hello", ["mpl_score"] = 42 };
        Assert.IsTrue(lead.TryGetAttributeValue<string>("subject", out var subject));
        Assert.AreEqual("Hello", subject);
        Assert.IsFalse(lead.TryGetAttributeValue<string>("missing", out var missing));
        Assert.IsNull(missing);
        Assert.IsFalse(lead.TryGetAttributeValue<string>("mpl_score", out var wrongType));
        Assert.IsNull(wrongType);
    }

    [TestMethod]
    public void New_entity_has_empty_collections_and_no_id()
    {
        var lead = new Entity("lead");
        Assert.AreEqual("lead", lead.LogicalName);
        Assert.AreEqual(Guid.Empty, lead.Id);
        Assert.IsNotNull(lead.Attributes);
        Assert.AreEqual(0, lead.Attributes.Count);
        Assert.IsNotNull(lead.FormattedValues);
        Assert.IsNotNull(lead.RelatedEntities);
        Assert.IsNotNull(lead.KeyAttributes);
        Assert.AreEqual(0, lead.KeyAttributes.Count);
        Assert.IsNull(lead.EntityState);
        Assert.IsNull(lead.RowVersion);
        Assert.IsNull(new Entity().LogicalName);
    }

    [TestMethod]
    public void Alternate_key_constructor_fills_KeyAttributes_not_Attributes()
    {
        var lead = new Entity("lead", "emailaddress1", "a@example.com");
        Assert.AreEqual("a@example.com", lead.KeyAttributes["emailaddress1"]);
        Assert.IsFalse(lead.Contains("emailaddress1"));
        Assert.AreEqual(Guid.Empty, lead.Id);
    }

    [TestMethod]
    public void ToEntityReference_carries_logical_name_id_and_row_version_but_not_keys()
    {
        var lead = new Entity("lead", LeadId) { ["fullname"] = "Ada", RowVersion = "42" };
        lead.KeyAttributes["emailaddress1"] = "ada@example.com";
        var reference = lead.ToEntityReference();
        Assert.AreEqual("lead", reference.LogicalName);
        Assert.AreEqual(LeadId, reference.Id);
        Assert.AreEqual("42", reference.RowVersion);
        Assert.IsNull(reference.Name);
        Assert.AreEqual(0, reference.KeyAttributes.Count, "alternate keys are not copied");
        Assert.AreEqual(new EntityReference("lead", LeadId), reference);
    }

    [TestMethod]
    public void ToEntity_shares_the_attribute_collection()
    {
        var lead = new Entity("lead", LeadId) { ["subject"] = "x" };
        var copy = lead.ToEntity<Entity>();
        Assert.AreEqual("lead", copy.LogicalName);
        Assert.AreEqual(LeadId, copy.Id);
        Assert.AreSame(lead.Attributes, copy.Attributes);
    }

    [TestMethod]
    public void EntityReference_equality_is_logical_name_and_id()
    {
        var a = new EntityReference("lead", LeadId) { Name = "Ada" };
        var b = new EntityReference("lead", LeadId) { Name = "Someone else" };
        Assert.IsTrue(a.Equals(b));
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        Assert.IsFalse(a.Equals(new EntityReference("contact", LeadId)));
        Assert.IsFalse(a.Equals(new EntityReference("lead", Guid.NewGuid())));
        Assert.IsFalse(a.Equals(null));
        Assert.IsFalse(a.Equals("lead"));
        Assert.IsFalse(a == b, "no == operator: reference equality");
    }

    [TestMethod]
    public void OptionSetValue_and_Money_compare_by_value()
    {
        Assert.AreEqual(new OptionSetValue(3), new OptionSetValue(3));
        Assert.AreEqual(new OptionSetValue(3).GetHashCode(), new OptionSetValue(3).GetHashCode());
        Assert.AreNotEqual(new OptionSetValue(3), new OptionSetValue(4));
        Assert.IsFalse(new OptionSetValue(3).Equals(null));
        Assert.IsFalse(new OptionSetValue(3).Equals(3));
        Assert.AreEqual(0, new OptionSetValue().Value);

        Assert.AreEqual(new Money(12.50m), new Money(12.5m));
        Assert.AreEqual(new Money(12.50m).GetHashCode(), new Money(12.5m).GetHashCode());
        Assert.AreNotEqual(new Money(1m), new Money(2m));
        Assert.IsFalse(new Money(1m).Equals(1m));
        Assert.AreEqual(0m, new Money().Value);
    }

    [TestMethod]
    public void Relationship_compares_schema_name_and_role()
    {
        Assert.AreEqual(new Relationship("lead_tasks"), new Relationship("lead_tasks"));
        Assert.AreNotEqual(new Relationship("lead_tasks"), new Relationship("lead_emails"));
        Assert.AreNotEqual(new Relationship("lead_tasks") { PrimaryEntityRole = EntityRole.Referenced }, new Relationship("lead_tasks"));
        Assert.AreEqual("lead_tasks.", new Relationship("lead_tasks").ToString(), "schema name '.' role");
        Assert.AreEqual("lead_tasks.Referenced", new Relationship("lead_tasks") { PrimaryEntityRole = EntityRole.Referenced }.ToString());
    }

    [TestMethod]
    public void EntityCollection_wraps_its_list()
    {
        var leads = new EntityCollection(new List<Entity> { new("lead"), new("lead") });
        Assert.AreEqual(2, leads.Entities.Count);
        Assert.AreSame(leads.Entities[1], leads[1]);
        Assert.IsFalse(leads.MoreRecords);
        Assert.IsNotNull(new EntityCollection().Entities);
        Assert.AreEqual(0, new EntityCollection().Entities.Count);
    }

    [TestMethod]
    public void AliasedValue_keeps_its_parts()
    {
        var value = new AliasedValue("account", "name", "Contoso");
        Assert.AreEqual("account", value.EntityLogicalName);
        Assert.AreEqual("name", value.AttributeLogicalName);
        Assert.AreEqual("Contoso", value.Value);
    }

    [TestMethod]
    public void Lazily_made_collections_live_in_the_fields_Microsofts_SDK_names_and_stay_empty_until_read()
    {
        // Source: Microsoft.Xrm.Sdk 9.0.2.56's IL: Entity keeps _keyAttributes, _formattedValues and _relatedEntities,
        // EntityReference keeps _keyCollection, each made by its getter on first read. The in-memory Dataverse tests
        // these fields instead of the properties, so copying a row does not make three empty collections on it.
        var flags = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
        var entity = new Entity("lead");
        var reference = new EntityReference("lead", LeadId);
        var fields = new (object Owner, string Field, Func<object> Read)[]
        {
            (entity, "_keyAttributes", () => entity.KeyAttributes),
            (entity, "_formattedValues", () => entity.FormattedValues),
            (entity, "_relatedEntities", () => entity.RelatedEntities),
            (reference, "_keyCollection", () => reference.KeyAttributes),
        };
        foreach (var (owner, name, read) in fields)
        {
            var field = owner.GetType().GetField(name, flags);
            Assert.IsNotNull(field, owner.GetType().Name + "." + name);
            Assert.IsNull(field.GetValue(owner), name + " before the property is read");
            Assert.AreSame(read(), field.GetValue(owner), name + " after the property is read");
        }
    }
}
