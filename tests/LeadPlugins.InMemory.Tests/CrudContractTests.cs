using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory.Tests;

/// <summary>CRUD behaviours of the server (anchors.md §4 "CRUD").</summary>
[TestClass]
public sealed class CrudContractTests : DataverseTestBase
{
    [TestMethod]
    public void Create_honours_the_callers_id_and_populates_the_primary_id_column()
    {
        // Source: anchors §4 "Create returns the id"; PreOperation Target dumps include the primary key (DynamicsValue/fake-xrm-easy#234).
        var id = Guid.Parse("6f1d1c2e-0000-4000-8000-000000000042");
        var returned = Service.Create(new Entity("lead", id) { ["lastname"] = "Given" });
        Assert.AreEqual(id, returned);
        Assert.AreEqual(id, Row("lead", id).GetAttributeValue<Guid>("leadid"));
    }

    [TestMethod]
    public void Create_without_an_id_uses_the_injected_id_generator()
    {
        // Source: anchors §5.1 TestClock/IdGenerator for determinism.
        var generated = new List<Guid>();
        var ids = new SequentialIds(500);
        var dataverse = NewDataverse(o => o.IdGenerator = () => { var id = ids.Next(); generated.Add(id); return id; });
        var first = dataverse.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "One" });
        Assert.AreEqual(generated[^1], first);
        Assert.AreEqual(Guid.Parse("00000000-0000-0000-0000-0000000001f4"), generated[0]);
    }

    [TestMethod]
    public void Create_of_an_existing_id_faults_with_DuplicateRecord()
    {
        // Source: anchors §4: "Creating an existing id fails with DuplicateRecord -2147220937" (FXE v3 CreateMultiple executor).
        var id = CreateLead();
        var fault = Fault(() => Service.Create(new Entity("lead", id) { ["lastname"] = "Again" }));
        Assert.AreEqual(ErrorCodes.DuplicateRecord, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "Cannot insert duplicate key");
    }

    [TestMethod]
    public void Create_does_not_change_the_callers_entity_object()
    {
        // Source: the SDK serializes requests over the wire: the server's id and defaults never reach the caller's object [inferred].
        var lead = new Entity("lead") { ["lastname"] = "Wire" };
        Service.Create(lead);
        Assert.AreEqual(Guid.Empty, lead.Id);
        Assert.IsFalse(lead.Contains("createdon"));
    }

    [TestMethod]
    public void Create_stamps_created_and_modified_in_utc_without_milliseconds()
    {
        // Source: anchors §4 Dates: createdon/modifiedon are UTC; DLaB AutoPopulated.cs strips milliseconds.
        var id = CreateLead();
        var row = Row("lead", id);
        var expected = new DateTime(2026, 3, 2, 9, 30, 15, DateTimeKind.Utc);
        Assert.AreEqual(expected, row.GetAttributeValue<DateTime>("createdon"));
        Assert.AreEqual(DateTimeKind.Utc, row.GetAttributeValue<DateTime>("modifiedon").Kind);
        Assert.AreEqual(Dataverse.CallerId, row.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.AreEqual(Dataverse.CallerId, row.GetAttributeValue<EntityReference>("modifiedby").Id);
    }

    [TestMethod]
    public void Create_defaults_the_owner_to_the_calling_user_and_their_business_unit()
    {
        // Source: anchors §4 "Owner and system defaults on Create" (DLaB SetOwnerForCreate; DynamicsValue/fake-xrm-easy#234).
        var unit = Guid.NewGuid();
        Dataverse.Seed(new Entity("businessunit", unit) { ["name"] = "Sales" });
        var seller = Dataverse.AddUser("Seller", unit);
        var id = Dataverse.GetOrganizationService(seller).Create(new Entity("lead") { ["lastname"] = "Owned" });
        var row = Row("lead", id);
        Assert.AreEqual(new EntityReference("systemuser", seller), row.GetAttributeValue<EntityReference>("ownerid"));
        Assert.AreEqual(seller, row.GetAttributeValue<EntityReference>("owninguser").Id);
        Assert.AreEqual(unit, row.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
    }

    [TestMethod]
    public void Create_ignores_statecode_and_creates_the_row_in_the_active_state()
    {
        // Source: DynamicsValue/fake-xrm-easy#36 ("it's ignored"), jordimontana82/fake-xrm-easy#479; DLaB AutoPopulated.cs.
        var id = CreateLead(more: l => l["statecode"] = new OptionSetValue(2));
        var row = Row("lead", id);
        Assert.AreEqual(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(1, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void Create_with_a_statuscode_of_an_inactive_state_faults_with_InvalidStateCodeStatusCode()
    {
        // Source: microsoft/PowerPlatform-DataverseServiceClient#105; error code from anchors §4 (InvalidStateCodeStatusCode -2147187704).
        var fault = Fault(() => CreateLead(more: l => l["statuscode"] = new OptionSetValue(4)));
        Assert.AreEqual(ErrorCodes.InvalidStateCodeStatusCode, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "4 is not a valid status code for state code LeadState.Open");
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
    }

    [TestMethod]
    public void Create_with_an_active_non_default_statuscode_keeps_it()
    {
        // Source: anchors §4 [unverified] model "allowed if it belongs to statecode 0" (context-and-oss/XrmMockup#244).
        var id = CreateLead(more: l => l["statuscode"] = new OptionSetValue(2));
        Assert.AreEqual(2, Row("lead", id).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void Create_of_an_unknown_table_faults_with_QueryBuilderNoEntity()
    {
        // Source: anchors §5.2 "fail like Dataverse"; the platform's MetadataCache message for an unknown logical name.
        var fault = Fault(() => Service.Create(new Entity("leads") { ["lastname"] = "x" }));
        Assert.AreEqual(ErrorCodes.QueryBuilderNoEntity, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "'leads'");
    }

    [TestMethod]
    public void Create_with_a_wrong_case_column_faults_with_QueryBuilderNoAttribute()
    {
        // Source: anchors §4: 0x80041103 "'lead' entity doesn't contain attribute with Name = 'X' ... (look up attribute by name is case-sensitive)".
        var fault = Fault(() => Service.Create(new Entity("lead") { ["LastName"] = "Case" }));
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "'lead' entity doesn't contain attribute with Name = 'LastName' and NameMapping = 'Logical'");
        StringAssert.Contains(fault.Message, "case-sensitive");
    }

    [TestMethod]
    public void Columns_are_checked_by_name_whatever_the_rows_before_held_at_the_same_position()
    {
        // The table keeps the column first found at each position of a row: another name, another case or another
        // column's value at that position must be checked as its own column.
        Service.Create(new Entity("lead") { ["lastname"] = "First", ["numberofemployees"] = 5 });
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute, Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x", ["NumberOfEmployees"] = 5 })).ErrorCode);
        var wrongType = Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x", ["firstname"] = 5 }));
        Assert.AreEqual(ErrorCodes.InvalidArgument, wrongType.ErrorCode);
        StringAssert.Contains(wrongType.Message, "System.String");
        var copy = new string("numberofemployees".AsSpan());
        Assert.AreEqual(ErrorCodes.InvalidArgument, Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x", [copy] = "five" })).ErrorCode);
        Assert.AreNotEqual(Guid.Empty, Service.Create(new Entity("lead") { ["lastname"] = "Second", ["numberofemployees"] = 6 }));
    }

    [TestMethod]
    public void Create_with_a_string_longer_than_its_max_length_faults()
    {
        // Source: anchors §5.2 (string too long); lead.mobilephone is 20 characters in SystemTables/lead.xml.
        var fault = Fault(() => CreateLead(more: l => l["mobilephone"] = new string('9', 21)));
        Assert.AreEqual(ErrorCodes.StringLengthTooLong, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "'mobilephone' attribute of the 'lead' entity exceeded the maximum allowed length of '20'");
    }

    [TestMethod]
    public void Create_with_an_invalid_choice_value_faults()
    {
        // Source: anchors §5.2 (invalid choice value); leadqualitycode accepts 1 Hot, 2 Warm, 3 Cold.
        var fault = Fault(() => CreateLead(more: l => l["leadqualitycode"] = new OptionSetValue(9)));
        Assert.AreEqual(ErrorCodes.PicklistValueOutOfRange, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "Accepted Values: 1,2,3");
    }

    [TestMethod]
    public void Create_with_a_value_of_the_wrong_type_faults()
    {
        // Source: anchors §1.8 "Type strictness" and §5.2: validate every write against the schema.
        var fault = Fault(() => CreateLead(more: l => l["leadqualitycode"] = 1));
        Assert.AreEqual(ErrorCodes.InvalidArgument, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "OptionSetValue");
    }

    [TestMethod]
    public void Create_with_a_solution_column_validates_its_global_choice_and_range()
    {
        // Source: the product's Solution/src (lead.mpl_leadscore 0..100, mpl_storefront choice) merged onto the system lead.
        var id = CreateLead(more: l => { l[LeadTable.Columns.LeadScore] = 40; l[LeadTable.Columns.Storefront] = new OptionSetValue(712540000); });
        Assert.AreEqual(40, Row("lead", id).GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        Assert.AreEqual(ErrorCodes.IntegerValueOutOfRange, Fault(() => CreateLead(more: l => l[LeadTable.Columns.LeadScore] = 101)).ErrorCode);
        Assert.AreEqual(ErrorCodes.PicklistValueOutOfRange, Fault(() => CreateLead(more: l => l[LeadTable.Columns.Storefront] = new OptionSetValue(1))).ErrorCode);
    }

    [TestMethod]
    public void Create_with_a_lookup_to_a_missing_row_faults_with_ObjectDoesNotExist()
    {
        // Source: anchors §4 ObjectDoesNotExist text; the server resolves lookups on write.
        var missing = Guid.NewGuid();
        var fault = Fault(() => CreateLead(more: l => l["campaignid"] = new EntityReference("campaign", missing)));
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, fault.ErrorCode);
        Assert.AreEqual("campaign With Id = " + missing.ToString("D") + " Does Not Exist", fault.Message);
    }

    [TestMethod]
    public void Retrieve_of_missing_row_faults_with_ObjectDoesNotExist()
    {
        // Source: anchors §4: ObjectDoesNotExist -2147220969 "lead With Id = {guid} Does Not Exist" (FXE v2 RetrieveRequestExecutor.cs).
        var id = Guid.NewGuid();
        var fault = Fault(() => Service.Retrieve("lead", id, new ColumnSet("lastname")));
        Assert.AreEqual(-2147220969, fault.ErrorCode);
        Assert.AreEqual("lead With Id = " + id.ToString("D") + " Does Not Exist", fault.Message);
    }

    [TestMethod]
    public void Retrieve_without_a_ColumnSet_faults()
    {
        // Source: anchors §4 "Retrieve without a ColumnSet fails: Required field 'ColumnSet' is missing" (v1 RetrieveRequestExecutor.cs).
        var id = CreateLead();
        var fault = Fault(() => Service.Retrieve("lead", id, null!));
        StringAssert.Contains(fault.Message, "Required field 'ColumnSet' is missing");
    }

    [TestMethod]
    public void Retrieve_returns_only_requested_non_null_columns_plus_the_id()
    {
        // Source: anchors §4 "ColumnSet filtering", null attributes absent (jordimontana82/fake-xrm-easy#39).
        var id = CreateLead("Doe", more: l => l["firstname"] = null);
        var lead = Service.Retrieve("lead", id, new ColumnSet("lastname", "firstname", "companyname"));
        CollectionAssert.AreEquivalent(new[] { "lastname", "leadid" }, lead.Attributes.Keys.ToArray());
        Assert.AreEqual(id, lead.Id);
    }

    [TestMethod]
    public void Retrieve_returns_a_copy_that_does_not_alias_the_stored_row()
    {
        // Source: anchors §1.2 "Records are cloned on the way in and out".
        var id = CreateLead("Original");
        var lead = Service.Retrieve("lead", id, new ColumnSet("lastname"));
        lead["lastname"] = "Changed locally";
        Assert.AreEqual("Original", Row("lead", id).GetAttributeValue<string>("lastname"));
    }

    [TestMethod]
    public void Retrieve_with_an_unknown_column_faults_with_QueryBuilderNoAttribute()
    {
        // Source: anchors §4: "The fake must validate every write and every ColumnSet against the schema".
        var id = CreateLead();
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute, Fault(() => Service.Retrieve("lead", id, new ColumnSet("emailaddress"))).ErrorCode);
    }

    [TestMethod]
    public void Update_changes_only_supplied_columns_and_null_clears()
    {
        // Source: anchors §4 "Update semantics: only the supplied attributes change; setting null clears".
        var id = CreateLead("Doe", "a@contoso.example", l => l["companyname"] = "Contoso");
        Service.Update(new Entity("lead", id) { ["companyname"] = null, ["jobtitle"] = "CTO" });
        var row = Row("lead", id);
        Assert.AreEqual("a@contoso.example", row.GetAttributeValue<string>("emailaddress1"));
        Assert.AreEqual("CTO", row.GetAttributeValue<string>("jobtitle"));
        Assert.IsFalse(row.Contains("companyname"));
    }

    [TestMethod]
    public void Update_stamps_modifiedon_and_modifiedby()
    {
        // Source: anchors §4 "modifiedon/modifiedby are stamped".
        var id = CreateLead();
        Now = T0.AddMinutes(5);
        var editor = Dataverse.AddUser("Editor");
        Dataverse.GetOrganizationService(editor).Update(new Entity("lead", id) { ["jobtitle"] = "CEO" });
        var row = Row("lead", id);
        Assert.AreEqual(new DateTime(2026, 3, 2, 9, 35, 15, DateTimeKind.Utc), row.GetAttributeValue<DateTime>("modifiedon"));
        Assert.AreEqual(editor, row.GetAttributeValue<EntityReference>("modifiedby").Id);
        Assert.AreEqual(Dataverse.CallerId, row.GetAttributeValue<EntityReference>("createdby").Id);
    }

    [TestMethod]
    public void Update_of_a_missing_row_faults_with_ObjectDoesNotExist()
    {
        // Source: anchors §4 "Retrieve or Update of a missing row throws ObjectDoesNotExist".
        var id = Guid.NewGuid();
        var fault = Fault(() => Service.Update(new Entity("lead", id) { ["jobtitle"] = "x" }));
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, fault.ErrorCode);
        Assert.AreEqual("lead With Id = " + id.ToString("D") + " Does Not Exist", fault.Message);
    }

    [TestMethod]
    public void Update_of_statecode_and_statuscode_is_validated_as_a_pair()
    {
        // Source: anchors §4: state/status through Update supported since CRM 2015 Update 1; InvalidStateCodeStatusCode -2147187704.
        var id = CreateLead();
        var fault = Fault(() => Service.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(3) }));
        Assert.AreEqual(ErrorCodes.InvalidStateCodeStatusCode, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "3 is not a valid status code for state code LeadState.Disqualified on lead");
        Service.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6) });
        Assert.AreEqual(6, Row("lead", id).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void Update_with_only_statecode_sets_the_default_status_of_that_state()
    {
        // Source: SetState's "Status = -1 means default" convention, applied to Update of statecode alone [inferred].
        var id = CreateLead();
        Service.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2) });
        Assert.AreEqual(4, Row("lead", id).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void Inactive_rows_can_still_be_updated()
    {
        // Source: jordimontana82/fake-xrm-easy#214 (anchors §4 "Inactive records can be updated").
        var id = CreateLead();
        Service.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });
        Service.Update(new Entity("lead", id) { ["description"] = "after disqualify" });
        Assert.AreEqual("after disqualify", Row("lead", id).GetAttributeValue<string>("description"));
    }

    [TestMethod]
    public void Delete_removes_the_row_and_a_second_delete_faults()
    {
        // Source: anchors §4 ObjectDoesNotExist for a missing row.
        var id = CreateLead();
        Service.Delete("lead", id);
        Assert.IsNull(Dataverse.Get("lead", id));
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, Fault(() => Service.Delete("lead", id)).ErrorCode);
    }

    [TestMethod]
    public void Associate_and_Disassociate_maintain_the_intersect_rows()
    {
        // Source: anchors §1.2 Relationships (N:N intersect); duplicate intersect row = "Cannot insert duplicate key".
        var lead = CreateLead();
        var campaign = Service.Create(new Entity("campaign") { ["name"] = "Spring" });
        var relationship = new Relationship("campaignlead_association");
        Service.Associate("campaign", campaign, relationship, new EntityReferenceCollection { new EntityReference("lead", lead) });
        Assert.AreEqual(1, Dataverse.Associations.Count);
        Assert.AreEqual(ErrorCodes.DuplicateRecord, Fault(() => Service.Associate("campaign", campaign, relationship, new EntityReferenceCollection { new EntityReference("lead", lead) })).ErrorCode);
        Service.Disassociate("campaign", campaign, relationship, new EntityReferenceCollection { new EntityReference("lead", lead) });
        Assert.AreEqual(0, Dataverse.Associations.Count);
    }

    [TestMethod]
    public void Upsert_by_alternate_key_creates_then_updates_the_same_row()
    {
        // Source: anchors §1.8 "Upsert plus alternate keys under the pipeline" (DynamicsValue/fake-xrm-easy#166); Solution key mpl_nurtureenrollment_lead.
        var lead = CreateLead();
        var keyed = new Entity(NurtureEnrollmentTable.LogicalName, NurtureEnrollmentTable.Columns.LeadId, new EntityReference("lead", lead))
        {
            [NurtureEnrollmentTable.Columns.Name] = "first", [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue(712540000),
        };
        var created = (UpsertResponse)Service.Execute(new UpsertRequest { Target = keyed });
        Assert.IsTrue(created.RecordCreated);
        keyed[NurtureEnrollmentTable.Columns.Name] = "second";
        var updated = (UpsertResponse)Service.Execute(new UpsertRequest { Target = keyed });
        Assert.IsFalse(updated.RecordCreated);
        Assert.AreEqual(created.Target.Id, updated.Target.Id);
        Assert.AreEqual("second", Row(NurtureEnrollmentTable.LogicalName, created.Target.Id).GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Name));
    }

    [TestMethod]
    public void A_lookup_given_by_alternate_key_is_stored_as_the_keyed_rows_id()
    {
        // Source: "Use an alternate key to reference a record" (Learn, use-alternate-key-reference-record): a lookup may name
        // its row by alternate key instead of id; the server resolves it on write. Solution key mpl_nurtureenrollment_lead.
        var lead = CreateLead();
        var enrolment = Service.Create(new Entity(NurtureEnrollmentTable.LogicalName)
        {
            [NurtureEnrollmentTable.Columns.Name] = "e", [NurtureEnrollmentTable.Columns.LeadId] = new EntityReference("lead", lead),
            [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue(712540000),
        });
        var byKey = new EntityReference(NurtureEnrollmentTable.LogicalName, NurtureEnrollmentTable.Columns.LeadId, new EntityReference("lead", lead));

        var task = Service.Create(new Entity("task") { ["subject"] = "Call", [TaskTable.Columns.NurtureEnrollmentId] = byKey });

        Assert.AreEqual(enrolment, Row("task", task).GetAttributeValue<EntityReference>(TaskTable.Columns.NurtureEnrollmentId).Id);
        byKey.KeyAttributes[NurtureEnrollmentTable.Columns.LeadId] = new EntityReference("lead", CreateLead());
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, Fault(() => Service.Create(new Entity("task") { ["subject"] = "Call", [TaskTable.Columns.NurtureEnrollmentId] = byKey })).ErrorCode);
    }

    [TestMethod]
    public void Create_that_violates_an_alternate_key_faults_with_DuplicateRecordEntityKey()
    {
        // Source: FXE v2 XrmFakedContext.Create.cs (DuplicateRecordEntityKey for an existing key value).
        var lead = CreateLead();
        Entity Enrolment() => new(NurtureEnrollmentTable.LogicalName) { [NurtureEnrollmentTable.Columns.Name] = "e", [NurtureEnrollmentTable.Columns.LeadId] = new EntityReference("lead", lead), [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue(712540000) };
        Service.Create(Enrolment());
        Assert.AreEqual(ErrorCodes.DuplicateRecordEntityKey, Fault(() => Service.Create(Enrolment())).ErrorCode);
    }

    [TestMethod]
    public void Upsert_by_id_creates_the_row_when_it_does_not_exist()
    {
        // Source: Upsert semantics (create when missing, update when present), anchors §1.3 UseCrud executors.
        var id = Guid.NewGuid();
        var response = (UpsertResponse)Service.Execute(new UpsertRequest { Target = new Entity("lead", id) { ["lastname"] = "Upserted" } });
        Assert.IsTrue(response.RecordCreated);
        Assert.AreEqual(id, response.Target.Id);
        Assert.AreEqual("Upserted", Row("lead", id).GetAttributeValue<string>("lastname"));
    }

    [TestMethod]
    public void Lead_fullname_is_computed_from_first_and_last_name()
    {
        // Source: anchors §2.4 DLaB AutoPopulated.cs "Full names follow the org's FullNameFormat" (default First Last).
        var id = CreateLead("Doe", more: l => l["firstname"] = "Jane");
        Assert.AreEqual("Jane Doe", Row("lead", id).GetAttributeValue<string>("fullname"));
        Service.Update(new Entity("lead", id) { ["firstname"] = "John" });
        Assert.AreEqual("John Doe", Row("lead", id).GetAttributeValue<string>("fullname"));
    }

    [TestMethod]
    public void Email_party_lists_are_stored_as_activityparty_rows()
    {
        // Source: brief §2 (to/from party lists via activityparty, participationtypemask); the platform keeps one row per party.
        var lead = CreateLead();
        var from = new Entity("activityparty") { ["partyid"] = new EntityReference("systemuser", Dataverse.CallerId) };
        var to = new Entity("activityparty") { ["partyid"] = new EntityReference("lead", lead), ["addressused"] = "jane@contoso.example" };
        var email = Service.Create(new Entity("email")
        {
            ["subject"] = "Welcome", ["from"] = new EntityCollection(new List<Entity> { from }), ["to"] = new EntityCollection(new List<Entity> { to }),
            ["regardingobjectid"] = new EntityReference("lead", lead),
        });
        var parties = Dataverse.Query("activityparty").Where(p => p.GetAttributeValue<EntityReference>("activityid").Id == email).ToList();
        Assert.AreEqual(2, parties.Count);
        var recipient = parties.Single(p => p.GetAttributeValue<OptionSetValue>("participationtypemask").Value == 2);
        Assert.AreEqual(lead, recipient.GetAttributeValue<EntityReference>("partyid").Id);
        Assert.AreEqual(1, Row("email", email).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void Task_is_created_open_with_its_default_status_and_activityid_as_primary_key()
    {
        // Source: brief §2 activity state/status pairs (task 0 Open {2 Not Started default}); primaryId="activityid".
        var id = Service.Create(new Entity("task") { ["subject"] = "Call back", ["prioritycode"] = new OptionSetValue(2) });
        var row = Row("task", id);
        Assert.AreEqual(id, row.GetAttributeValue<Guid>("activityid"));
        Assert.AreEqual(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void Seed_inserts_rows_with_system_columns_and_keeps_a_given_state()
    {
        // Source: anchors §5.3 data-driven tests: seed the store, then assert on it.
        var id = Guid.NewGuid();
        Dataverse.Seed(new Entity("lead", id) { ["lastname"] = "Seeded", ["statecode"] = new OptionSetValue(1) });
        var row = Row("lead", id);
        Assert.AreEqual(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.AreEqual(3, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.AreEqual(Dataverse.CallerId, row.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void Seed_validates_column_names_and_types_like_a_write()
    {
        // Source: anchors §1.8 Metadata: "Load an explicit schema ... and validate against it" (seeded data included).
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute, Fault(() => Dataverse.Seed(new Entity("lead") { ["LastName"] = "x" })).ErrorCode);
        Assert.AreEqual(ErrorCodes.InvalidArgument, Fault(() => Dataverse.Seed(new Entity("lead") { ["createdon"] = "yesterday" })).ErrorCode);
    }

    [TestMethod]
    public void Typed_handler_receives_the_typed_request_even_when_sent_untyped()
    {
        // Source: anchors §5.3 Handle<TRequest>(Func<TRequest, OrganizationResponse>) for custom APIs.
        Dataverse.Handle<PingRequest>(request => new OrganizationResponse { Results = { ["Echo"] = request.Text + " via " + request.GetType().Name } });
        Assert.AreEqual("typed via PingRequest", Service.Execute(new PingRequest { Text = "typed" })["Echo"]);
        Assert.AreEqual("untyped via PingRequest", Service.Execute(new OrganizationRequest("mpl_Ping") { ["Text"] = "untyped" })["Echo"]);
    }

    [TestMethod]
    public void Assign_changes_the_owner_and_runs_the_Update_pipeline()
    {
        // Source: brief §3 (Assign => ownerid through the Update pipeline); checker il-avoid-specialized-update-ops.
        var id = CreateLead();
        var seller = Dataverse.AddUser("Seller");
        var ownerChanges = 0;
        Step("Update", "lead", LeadPlugins.Plugins.Registration.PipelineStage.PostOperation, _ => ownerChanges++, filter: "ownerid");
        Service.Execute(new AssignRequest { Target = new EntityReference("lead", id), Assignee = new EntityReference("systemuser", seller) });
        Assert.AreEqual(seller, Row("lead", id).GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(seller, Row("lead", id).GetAttributeValue<EntityReference>("owninguser").Id);
        Assert.AreEqual(1, ownerChanges, string.Join("; ", Dataverse.Audit));
    }

    [TestMethod]
    public void Unsimulated_message_fails_clearly_and_names_Handle()
    {
        // Source: anchors §5.2: not a licence-flavoured or "send a PR" error (DynamicsValue/fake-xrm-easy#99, #183).
        var error = Assert.ThrowsExactly<NotSimulatedException>(() => Service.Execute(new OrganizationRequest("CalculateRollupField")));
        Assert.AreEqual("Message 'CalculateRollupField' is not simulated by the LeadPlugins in-memory Dataverse; register a handler with Handle(...).", error.Message);
    }

    [TestMethod]
    public void Registered_handler_simulates_a_custom_message_and_its_steps_fire()
    {
        // Source: anchors §5.3 "harness.Handle<TRequest>(...) for messages we don't model" (DynamicsValue/fake-xrm-easy#73, #86).
        Dataverse.Handle("mpl_Ping", request => new OrganizationResponse { Results = { ["Echo"] = request["Text"] } });
        var fired = 0;
        Step("mpl_Ping", "", LeadPlugins.Plugins.Registration.PipelineStage.PreOperation, _ => fired++);
        var response = Service.Execute(new OrganizationRequest("mpl_Ping") { ["Text"] = "hello" });
        Assert.AreEqual("hello", response["Echo"]);
        Assert.AreEqual(1, fired);
    }

    [TestMethod]
    public void WhoAmI_returns_the_calling_user_and_business_unit()
    {
        // Source: Microsoft.Crm.Sdk.Messages.WhoAmIResponse contract (UserId, BusinessUnitId, OrganizationId).
        var response = (WhoAmIResponse)Service.Execute(new WhoAmIRequest());
        Assert.AreEqual(Dataverse.CallerId, response.UserId);
        Assert.AreEqual(Dataverse.RootBusinessUnitId, response.BusinessUnitId);
        Assert.AreEqual(Dataverse.OrganizationId, response.OrganizationId);
    }

    [TestMethod]
    public void Injected_clock_and_ids_make_two_runs_identical()
    {
        // Source: anchors §5.1 TestClock/IdGenerator "for determinism".
        static (Guid, DateTime) Run(InMemoryDataverse dataverse)
        {
            var id = dataverse.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Same" });
            return (id, dataverse.Get("lead", id)!.GetAttributeValue<DateTime>("createdon"));
        }
        Assert.AreEqual(Run(NewDataverse()), Run(NewDataverse()));
    }
}

public sealed class PingRequest : OrganizationRequest
{
    public PingRequest() { RequestName = "mpl_Ping"; }
    public string Text { get => (string)Parameters["Text"]; set => Parameters["Text"] = value; }
}
