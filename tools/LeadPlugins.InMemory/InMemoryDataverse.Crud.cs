using System.ServiceModel;
using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>The core operations (the platform's main operation, stage 30): CRUD, state, owner, qualify, bulk and batch.</summary>
public sealed partial class InMemoryDataverse
{
    private static readonly IReadOnlyDictionary<string, int> PartyListMasks = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["from"] = 1, ["to"] = 2, ["cc"] = 3, ["bcc"] = 4, ["requiredattendees"] = 5, ["optionalattendees"] = 6,
        ["organizer"] = 7, ["resources"] = 10, ["customers"] = 11,
    };

    private Func<RequestContext, OrganizationResponse> WithCore(Func<RequestContext, OrganizationResponse> next)
        => context => context.Request.RequestName switch
        {
            "Create" => CreateCore(context),
            "Retrieve" => RetrieveCore(context),
            "Update" => UpdateCore(context),
            "Delete" => DeleteCore(context),
            "RetrieveMultiple" => RetrieveMultipleCore(context),
            "Associate" => AssociateCore(context, associate: true),
            "Disassociate" => AssociateCore(context, associate: false),
            "Assign" => AssignCore(context),
            "SetState" => SetStateCore(context),
            "QualifyLead" => QualifyLeadCore(context),
            "Upsert" => UpsertCore(context),
            "CreateMultiple" => CreateMultipleCore(context),
            "UpdateMultiple" => UpdateMultipleCore(context),
            "ExecuteMultiple" => ExecuteMultipleCore(context),
            "WhoAmI" => WhoAmICore(context),
            _ => next(context),
        };

    private static T? Parameter<T>(OrganizationRequest request, string name) where T : class
        => request.Parameters.TryGetValue(name, out var value) ? value as T : null;

    private static T RequiredParameter<T>(OrganizationRequest request, string name) where T : class
        => Parameter<T>(request, name) ?? throw Faults.RequiredField(name);

    // ---------- Create ----------

    private OrganizationResponse CreateCore(RequestContext context)
    {
        var target = RequiredParameter<Entity>(context.Request, "Target");
        var id = CreateRow(target, context);
        return new CreateResponse { Results = { ["id"] = id } };
    }

    internal Guid CreateRow(Entity target, RequestContext context)
    {
        var table = Schema.GetTable(target.LogicalName);
        if (!context.DefaultsApplied.Contains(target)) ApplyCreateDefaults(table, target, context.Call.UserId, Now(), honourState: false);
        if (_store.Find(table.LogicalName, target.Id) != null) throw Faults.DuplicateKey();
        ValidateAttributes(table, target);
        EnforceCreateState(table, target);
        var stored = BuildStoredRow(table, target, null, validateReferences: true);
        CheckAlternateKeys(table, stored);
        _store.Insert(stored, context.Transaction);
        WriteActivityParties(table, stored, context.Transaction);
        return stored.Id;
    }

    /// <summary>What the platform adds to a Create's Target before PreOperation: id, created/modified, owner, state.</summary>
    internal void ApplyCreateDefaults(TableSchema table, Entity target, Guid userId, DateTime now, bool honourState)
    {
        if (target.Id == Guid.Empty)
            target.Id = target.Attributes.TryGetValue(table.PrimaryId, out var given) && given is Guid g && g != Guid.Empty ? g : NewId();
        target[table.PrimaryId] = target.Id;
        var user = new EntityReference("systemuser", userId);
        if (!honourState || !target.Contains("createdon"))
            target["createdon"] = target.GetAttributeValue<DateTime?>("overriddencreatedon") is { } overridden ? Values.ToUtcWithoutMilliseconds(overridden) : now;
        if (!honourState || !target.Contains("modifiedon")) target["modifiedon"] = now;
        if (!honourState || !target.Contains("createdby")) target["createdby"] = user;
        if (!honourState || !target.Contains("modifiedby")) target["modifiedby"] = Values.CloneReference(user);
        if (table.IsUserOwned)
        {
            if (target.GetAttributeValue<EntityReference>("ownerid") == null) target["ownerid"] = Values.CloneReference(user);
            SetOwningColumns(target, target.GetAttributeValue<EntityReference>("ownerid"));
        }
        if (table.HasState)
        {
            if (honourState && target.GetAttributeValue<OptionSetValue>("statecode") is { } seededState)
            {
                if (!target.Contains("statuscode")) target["statuscode"] = new OptionSetValue(table.DefaultStatus(seededState.Value));
            }
            else
            {
                EnforceCreateState(table, target);
            }
        }
    }

    /// <summary>statecode on Create is ignored (created active); a statuscode of another state faults.</summary>
    private static void EnforceCreateState(TableSchema table, Entity target)
    {
        if (!table.HasState) return;
        var activeState = table.Statuses.Min(s => s.State);
        var requested = target.GetAttributeValue<OptionSetValue>("statuscode");
        if (requested != null)
        {
            var definition = table.FindStatus(requested.Value);
            if (definition == null || definition.State != activeState) throw Faults.InvalidStatus(table, activeState, requested.Value, target.Id);
        }
        target["statecode"] = new OptionSetValue(activeState);
        target["statuscode"] = new OptionSetValue(requested?.Value ?? table.DefaultStatus(activeState));
    }

    private void SetOwningColumns(Entity row, EntityReference? owner)
    {
        if (owner == null) return;
        row["owninguser"] = owner.LogicalName == "systemuser" ? new EntityReference("systemuser", owner.Id) : null;
        row["owningteam"] = owner.LogicalName == "team" ? new EntityReference("team", owner.Id) : null;
        var ownerRow = _store.Find(owner.LogicalName, owner.Id);
        var unit = ownerRow?.GetAttributeValue<EntityReference>("businessunitid");
        row["owningbusinessunit"] = new EntityReference("businessunit", unit?.Id ?? RootBusinessUnitId);
    }

    // ---------- Retrieve ----------

    private OrganizationResponse RetrieveCore(RequestContext context)
    {
        var target = RequiredParameter<EntityReference>(context.Request, "Target");
        var columns = Parameter<ColumnSet>(context.Request, "ColumnSet") ?? throw Faults.RequiredField("ColumnSet");
        var table = Schema.GetTable(target.LogicalName);
        ValidateColumns(table, columns);
        var row = ResolveRow(table, target.Id, target.KeyAttributes);
        return new RetrieveResponse { Results = { ["Entity"] = Project(table, row, columns) } };
    }

    private static void ValidateColumns(TableSchema table, ColumnSet columns)
    {
        if (columns.AllColumns) return;
        foreach (var column in columns.Columns)
            if (table.FindColumn(column) == null) throw Faults.NoAttribute(table.LogicalName, column);
    }

    /// <summary>A copy holding only the requested non-null columns, plus the primary id.</summary>
    internal static Entity Project(TableSchema table, Entity row, ColumnSet columns)
    {
        var result = new Entity(table.LogicalName, row.Id);
        if (columns.AllColumns)
        {
            foreach (var pair in row.Attributes)
                if (pair.Value != null) result.Attributes[pair.Key] = Values.CloneValue(pair.Value);
        }
        else
        {
            foreach (var column in columns.Columns)
                if (row.Attributes.TryGetValue(column, out var value) && value != null) result.Attributes[column] = Values.CloneValue(value);
        }
        result.Attributes[table.PrimaryId] = row.Id;
        return result;
    }

    private Entity ResolveRow(TableSchema table, Guid id, KeyAttributeCollection? keys)
    {
        if (id == Guid.Empty && keys != null && keys.Count > 0)
        {
            return FindByKey(table, keys)
                ?? throw Faults.Create(ErrorCodes.ObjectDoesNotExist, "A record with the specified key values does not exist in " + table.LogicalName + " entity");
        }
        return _store.Find(table.LogicalName, id) ?? throw Faults.DoesNotExist(table.LogicalName, id);
    }

    private Entity? FindByKey(TableSchema table, KeyAttributeCollection keys)
    {
        if (keys.Count == 1 && keys.TryGetValue(table.PrimaryId, out var primary) && primary is Guid primaryId)
            return _store.Find(table.LogicalName, primaryId);
        var names = keys.Keys.ToHashSet(StringComparer.Ordinal);
        var key = table.Keys.FirstOrDefault(k => k.Columns.Count == names.Count && k.Columns.All(names.Contains))
            ?? throw Faults.Create(ErrorCodes.EntityKeyNotDefined, "The specified key attributes are not a defined key for the " + table.LogicalName + " entity");
        return FindByValues(table, key.Columns.Select(c => (c, (object?)keys[c])).ToList(), Guid.Empty);
    }

    private Entity? FindByValues(TableSchema table, IReadOnlyList<(string Column, object? Value)> values, Guid except)
    {
        var data = _store.Table(table.LogicalName);
        var first = values[0];
        if (first.Value == null) return null;
        foreach (var id in data.Lookup(first.Column, first.Value).ToList())
        {
            if (id == except) continue;
            var row = data.Find(id)!;
            if (values.All(v => Values.AreEqual(row.Attributes.TryGetValue(v.Column, out var stored) ? stored : null, v.Value))) return row;
        }
        return null;
    }

    private void CheckAlternateKeys(TableSchema table, Entity row)
    {
        foreach (var key in table.Keys)
        {
            var values = key.Columns.Select(c => (c, row.Attributes.TryGetValue(c, out var v) ? v : null)).ToList();
            if (values.Any(v => v.Item2 == null)) continue;
            if (FindByValues(table, values, row.Id) != null)
                throw Faults.Create(ErrorCodes.DuplicateRecordEntityKey,
                    "A record that has the attribute values " + string.Join(", ", key.Columns) + " already exists. The entity key " + key.DisplayName +
                    " requires that this set of attributes contains unique values. Select unique values and try again.");
        }
    }

    // ---------- Update ----------

    private OrganizationResponse UpdateCore(RequestContext context)
    {
        var target = RequiredParameter<Entity>(context.Request, "Target");
        UpdateRow(target, context);
        return new UpdateResponse();
    }

    internal void UpdateRow(Entity target, RequestContext context)
    {
        var table = Schema.GetTable(target.LogicalName);
        var existing = ResolveUpdateTarget(table, target);
        ValidateAttributes(table, target);
        if (!context.DefaultsApplied.Contains(target)) ApplyUpdateDefaults(target, context.Call.UserId, Now());
        var stored = BuildStoredRow(table, target, existing, validateReferences: true);
        ApplyStateChange(table, target, existing, stored);
        CheckAlternateKeys(table, stored);
        _store.Replace(stored, context.Transaction);
        WriteActivityParties(table, stored, context.Transaction, target);
    }

    /// <summary>Finds the row an Update/Delete targets (by Id, primary id column or alternate key) and sets Target.Id.</summary>
    private Entity ResolveUpdateTarget(TableSchema table, Entity target)
    {
        if (target.Id == Guid.Empty && target.Attributes.TryGetValue(table.PrimaryId, out var given) && given is Guid g) target.Id = g;
        var row = ResolveRow(table, target.Id, target.KeyAttributes);
        target.Id = row.Id;
        return row;
    }

    internal static void ApplyUpdateDefaults(Entity target, Guid userId, DateTime now)
    {
        target["modifiedon"] = now;
        target["modifiedby"] = new EntityReference("systemuser", userId);
    }

    /// <summary>statecode/statuscode through Update are validated as a pair (supported since CRM 2015 Update 1).</summary>
    private static void ApplyStateChange(TableSchema table, Entity target, Entity existing, Entity stored)
    {
        if (!table.HasState) return;
        var state = target.Attributes.TryGetValue("statecode", out var s) ? s as OptionSetValue : null;
        var status = target.Attributes.TryGetValue("statuscode", out var t) ? t as OptionSetValue : null;
        if (state == null && status == null) return;
        var newState = state?.Value ?? existing.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
        if (!table.IsValidState(newState)) throw Faults.InvalidState(table, newState);
        var newStatus = status?.Value ?? table.DefaultStatus(newState);
        var definition = table.FindStatus(newStatus);
        if (definition == null || definition.State != newState) throw Faults.InvalidStatus(table, newState, newStatus, existing.Id);
        stored["statecode"] = new OptionSetValue(newState);
        stored["statuscode"] = new OptionSetValue(newStatus);
    }

    // ---------- Delete ----------

    private OrganizationResponse DeleteCore(RequestContext context)
    {
        var target = RequiredParameter<EntityReference>(context.Request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        var row = ResolveRow(table, target.Id, target.KeyAttributes);
        _store.Delete(table.LogicalName, row.Id, context.Transaction);
        if (table.PrimaryId == "activityid") DeleteActivityParties(table, row.Id, null, context.Transaction);
        foreach (var association in _store.Associations.Where(a => a.Entity1.Id == row.Id || a.Entity2.Id == row.Id).ToList())
            _store.Disassociate(association, context.Transaction);
        return new DeleteResponse();
    }

    // ---------- Associate / Disassociate ----------

    private OrganizationResponse AssociateCore(RequestContext context, bool associate)
    {
        var target = RequiredParameter<EntityReference>(context.Request, "Target");
        var relationship = RequiredParameter<Relationship>(context.Request, "Relationship");
        var related = RequiredParameter<EntityReferenceCollection>(context.Request, "RelatedEntities");
        ResolveRow(Schema.GetTable(target.LogicalName), target.Id, null);
        foreach (var other in related)
        {
            ResolveRow(Schema.GetTable(other.LogicalName), other.Id, null);
            var association = new Association(relationship.SchemaName, new EntityReference(target.LogicalName, target.Id), new EntityReference(other.LogicalName, other.Id));
            if (associate)
            {
                if (_store.IsAssociated(association)) throw Faults.DuplicateKey();
                _store.Associate(association, context.Transaction);
            }
            else
            {
                _store.Disassociate(association, context.Transaction);
            }
        }
        return associate ? new AssociateResponse() : new DisassociateResponse();
    }

    // ---------- Assign / SetState ----------

    private OrganizationResponse AssignCore(RequestContext context)
    {
        var target = RequiredParameter<EntityReference>(context.Request, "Target");
        var assignee = RequiredParameter<EntityReference>(context.Request, "Assignee");
        var table = Schema.GetTable(target.LogicalName);
        if (!table.IsUserOwned) throw Faults.InvalidArgument("The entity " + table.LogicalName + " is not user or team owned and cannot be assigned.");
        ResolveRow(table, target.Id, null);
        ExecuteInternal(new UpdateRequest { Target = new Entity(target.LogicalName, target.Id) { ["ownerid"] = new EntityReference(assignee.LogicalName, assignee.Id) } }, context);
        return new AssignResponse();
    }

    private OrganizationResponse SetStateCore(RequestContext context)
    {
        var moniker = RequiredParameter<EntityReference>(context.Request, "EntityMoniker");
        var state = RequiredParameter<OptionSetValue>(context.Request, "State");
        var status = RequiredParameter<OptionSetValue>(context.Request, "Status");
        var table = Schema.GetTable(moniker.LogicalName);
        if (!table.HasState) throw Faults.InvalidArgument("The entity " + table.LogicalName + " has no statecode.");
        ResolveRow(table, moniker.Id, null);
        if (!table.IsValidState(state.Value)) throw Faults.InvalidState(table, state.Value);
        var newStatus = status.Value == -1 ? table.DefaultStatus(state.Value) : status.Value;
        var definition = table.FindStatus(newStatus);
        if (definition == null || definition.State != state.Value) throw Faults.InvalidStatus(table, state.Value, newStatus, moniker.Id);
        // Since CRM 2015 Update 1 SetState runs the Update pipeline: Update steps filtered on statecode/statuscode fire.
        ExecuteInternal(new UpdateRequest
        {
            Target = new Entity(moniker.LogicalName, moniker.Id) { ["statecode"] = new OptionSetValue(state.Value), ["statuscode"] = new OptionSetValue(newStatus) },
        }, context);
        return new SetStateResponse();
    }

    // ---------- QualifyLead ----------

    private OrganizationResponse QualifyLeadCore(RequestContext context)
    {
        var request = context.Request;
        var leadRef = RequiredParameter<EntityReference>(request, "LeadId");
        var leadTable = Schema.GetTable("lead");
        var lead = ResolveRow(leadTable, leadRef.Id, null);
        if (lead.GetAttributeValue<OptionSetValue>("statecode")?.Value is int state && state != 0)
            throw Faults.InvalidArgument("The lead is closed. You cannot convert or qualify a lead that is already closed.");
        var status = request.Parameters.TryGetValue("Status", out var s) && s is OptionSetValue statusValue ? statusValue.Value : leadTable.DefaultStatus(1);
        var statusDefinition = leadTable.FindStatus(status);
        if (statusDefinition == null || statusDefinition.State != 1) throw Faults.InvalidStatus(leadTable, 1, status, lead.Id);
        bool Flag(string name) => request.Parameters.TryGetValue(name, out var v) && v is true;
        object? Copy(string column) => Values.CloneValue(lead.Attributes.TryGetValue(column, out var v) ? v : null);
        var leadReference = new EntityReference("lead", lead.Id);
        var created = new EntityReferenceCollection();
        EntityReference? account = null, contact = null;

        Guid CreateChild(Entity child)
        {
            foreach (var key in child.Attributes.Where(p => p.Value == null).Select(p => p.Key).ToList()) child.Attributes.Remove(key);
            return (Guid)ExecuteInternal(new CreateRequest { Target = child }, context).Results["id"];
        }

        if (Flag("CreateAccount"))
        {
            var id = CreateChild(new Entity("account")
            {
                ["name"] = Copy("companyname"), ["emailaddress1"] = Copy("emailaddress1"), ["telephone1"] = Copy("telephone1"),
                ["websiteurl"] = Copy("websiteurl"), ["address1_city"] = Copy("address1_city"), ["address1_country"] = Copy("address1_country"),
                ["originatingleadid"] = leadReference,
            });
            created.Add(account = new EntityReference("account", id));
        }
        if (Flag("CreateContact"))
        {
            var id = CreateChild(new Entity("contact")
            {
                ["firstname"] = Copy("firstname"), ["lastname"] = Copy("lastname"), ["emailaddress1"] = Copy("emailaddress1"),
                ["telephone1"] = Copy("telephone1"), ["mobilephone"] = Copy("mobilephone"), ["jobtitle"] = Copy("jobtitle"),
                ["address1_city"] = Copy("address1_city"), ["address1_country"] = Copy("address1_country"),
                ["parentcustomerid"] = account == null ? null : Values.CloneReference(account), ["originatingleadid"] = Values.CloneReference(leadReference),
            });
            created.Add(contact = new EntityReference("contact", id));
        }
        EntityReference? opportunity = null;
        if (Flag("CreateOpportunity"))
        {
            var campaign = Parameter<EntityReference>(request, "SourceCampaignId") ?? lead.GetAttributeValue<EntityReference>("campaignid");
            var customer = Parameter<EntityReference>(request, "OpportunityCustomerId") ?? account ?? contact
                ?? lead.GetAttributeValue<EntityReference>("parentaccountid") ?? lead.GetAttributeValue<EntityReference>("parentcontactid");
            var id = CreateChild(new Entity("opportunity")
            {
                ["name"] = Copy("subject"), ["description"] = Copy("description"), ["estimatedvalue"] = Copy("estimatedvalue"),
                ["estimatedclosedate"] = Copy("estimatedclosedate"),
                ["originatingleadid"] = Values.CloneReference(leadReference),
                ["campaignid"] = campaign == null ? null : new EntityReference("campaign", campaign.Id),
                ["customerid"] = customer == null ? null : new EntityReference(customer.LogicalName, customer.Id),
                ["parentaccountid"] = account != null ? Values.CloneReference(account) : Copy("parentaccountid"),
                ["parentcontactid"] = contact != null ? Values.CloneReference(contact) : Copy("parentcontactid"),
            });
            created.Add(opportunity = new EntityReference("opportunity", id));
        }
        var leadUpdate = new Entity("lead", lead.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(status) };
        if (opportunity != null) leadUpdate["qualifyingopportunityid"] = Values.CloneReference(opportunity);
        ExecuteInternal(new UpdateRequest { Target = leadUpdate }, context);
        return new QualifyLeadResponse { Results = { ["CreatedEntities"] = created } };
    }

    // ---------- Upsert ----------

    private OrganizationResponse UpsertCore(RequestContext context)
    {
        var target = RequiredParameter<Entity>(context.Request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        Entity? existing = null;
        if (target.KeyAttributes.Count > 0) existing = FindByKey(table, target.KeyAttributes);
        else if (target.Id != Guid.Empty) existing = _store.Find(table.LogicalName, target.Id);
        var write = Values.CloneEntity(target);
        write.KeyAttributes = new KeyAttributeCollection();
        if (existing != null)
        {
            write.Id = existing.Id;
            ExecuteInternal(new UpdateRequest { Target = write }, context);
            return new UpsertResponse { Results = { ["RecordCreated"] = false, ["Target"] = new EntityReference(table.LogicalName, existing.Id) } };
        }
        foreach (var pair in target.KeyAttributes) write[pair.Key] = Values.CloneValue(pair.Value);
        var id = (Guid)ExecuteInternal(new CreateRequest { Target = write }, context).Results["id"];
        return new UpsertResponse { Results = { ["RecordCreated"] = true, ["Target"] = new EntityReference(table.LogicalName, id) } };
    }

    // ---------- CreateMultiple / UpdateMultiple ----------

    /// <summary>FakeXrmEasy v3's CreateMultiple/UpdateMultiple validation: Targets, EntityName, one logical name, no duplicate ids.</summary>
    internal void ValidateBulk(OrganizationRequest request, bool isCreate)
    {
        var targets = Parameter<EntityCollection>(request, "Targets") ?? throw Faults.RequiredField("Targets");
        if (string.IsNullOrWhiteSpace(targets.EntityName)) throw Faults.InvalidArgument("Required member 'EntityName' missing for field 'Targets'");
        Schema.GetTable(targets.EntityName);
        if (targets.Entities.Count == 0)
            throw Faults.Create(ErrorCodes.UnExpected, "System.ArgumentException: The value of the parameter 'Targets' cannot be null or empty.");
        var ids = new HashSet<Guid>();
        foreach (var entity in targets.Entities)
        {
            if (entity.LogicalName != targets.EntityName)
                throw Faults.InvalidArgument("This entity cannot be added to the specified collection. The collection can have entities with PlatformName = "
                    + targets.EntityName + " while this entity has Platform Name: " + entity.LogicalName);
            if (entity.Id != Guid.Empty && !ids.Add(entity.Id)) throw Faults.DuplicateKey();
            if (isCreate && entity.Id != Guid.Empty && _store.Find(entity.LogicalName, entity.Id) != null) throw Faults.DuplicateKey();
        }
    }

    private OrganizationResponse CreateMultipleCore(RequestContext context)
    {
        ValidateBulk(context.Request, isCreate: true);
        var ids = context.Request.Parameters["Targets"] is EntityCollection targets ? targets.Entities.Select(e => CreateRow(e, context)).ToArray() : Array.Empty<Guid>();
        return new CreateMultipleResponse { Results = { ["Ids"] = ids } };
    }

    private OrganizationResponse UpdateMultipleCore(RequestContext context)
    {
        ValidateBulk(context.Request, isCreate: false);
        foreach (var entity in ((EntityCollection)context.Request.Parameters["Targets"]).Entities) UpdateRow(entity, context);
        return new UpdateMultipleResponse();
    }

    // ---------- ExecuteMultiple / WhoAmI ----------

    private OrganizationResponse ExecuteMultipleCore(RequestContext context)
    {
        if (context.Call.FromPlugin || context.Depth > 1)
            throw Faults.Create(ErrorCodes.NotSupported, "ExecuteMultipleRequest cannot be used in a plug-in or custom workflow activity: send each request on its own.");
        var requests = RequiredParameter<OrganizationRequestCollection>(context.Request, "Requests");
        var settings = RequiredParameter<ExecuteMultipleSettings>(context.Request, "Settings");
        if (requests.Count > 1000)
            throw Faults.Create(ErrorCodes.InvalidArgument, "The number of requests in ExecuteMultiple (" + requests.Count + ") exceeds the limit of 1000.");
        var responses = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = _chain(new RequestContext(Values.CloneRequest(requests[i]), new CallContext { UserId = context.Call.UserId }));
                if (settings.ReturnResponses) responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                faulted = true;
                responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault.Detail });
                if (!settings.ContinueOnError) break;
            }
        }
        return new ExecuteMultipleResponse { Results = { ["IsFaulted"] = faulted, ["Responses"] = responses } };
    }

    private OrganizationResponse WhoAmICore(RequestContext context)
    {
        var user = _store.Find("systemuser", context.Call.UserId);
        return new WhoAmIResponse
        {
            Results =
            {
                ["UserId"] = context.Call.UserId,
                ["BusinessUnitId"] = user?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? RootBusinessUnitId,
                ["OrganizationId"] = OrganizationId,
            },
        };
    }

    // ---------- validation and stored rows ----------

    /// <summary>Every column must exist (case-sensitive) and hold a value of its type, length, range and choice.</summary>
    private void ValidateAttributes(TableSchema table, Entity entity)
    {
        foreach (var pair in entity.Attributes)
        {
            var column = table.FindColumn(pair.Key) ?? throw Faults.NoAttribute(table.LogicalName, pair.Key);
            var value = pair.Value;
            if (value == null) continue;
            switch (column.Type)
            {
                case ColumnType.String:
                case ColumnType.Memo:
                    if (value is not string text) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.String");
                    if (column.MaxLength is int max && text.Length > max) throw Faults.StringTooLong(table.LogicalName, column.LogicalName, max);
                    break;
                case ColumnType.Integer:
                    if (value is not int number) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Int32");
                    if ((column.MinValue is long min && number < min) || (column.MaxValue is long maxValue && number > maxValue))
                        throw Faults.IntegerOutOfRange(table.LogicalName, column.LogicalName, number);
                    break;
                case ColumnType.Decimal:
                    if (value is not decimal) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Decimal");
                    break;
                case ColumnType.Money:
                    if (value is not Money) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.Money");
                    break;
                case ColumnType.Boolean:
                    if (value is not bool) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Boolean");
                    break;
                case ColumnType.DateTime:
                    if (value is not DateTime) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.DateTime");
                    break;
                case ColumnType.UniqueIdentifier:
                    if (value is not Guid) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "System.Guid");
                    break;
                case ColumnType.Choice:
                    if (value is not OptionSetValue option) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.OptionSetValue");
                    if (column.OptionValues != null && !column.OptionValues.Contains(option.Value))
                        throw Faults.InvalidChoice(table.LogicalName, column.LogicalName, option.Value, column.OptionValues);
                    break;
                case ColumnType.State:
                case ColumnType.Status:
                    if (value is not OptionSetValue) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.OptionSetValue");
                    break;
                case ColumnType.MultiChoice:
                    if (value is not OptionSetValueCollection options) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.OptionSetValueCollection");
                    foreach (var item in options)
                        if (column.OptionValues != null && !column.OptionValues.Contains(item.Value))
                            throw Faults.InvalidChoice(table.LogicalName, column.LogicalName, item.Value, column.OptionValues);
                    break;
                case ColumnType.Lookup:
                case ColumnType.Customer:
                case ColumnType.Owner:
                    if (value is not EntityReference reference) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.EntityReference");
                    if (!column.Targets.Contains(reference.LogicalName))
                        throw Faults.InvalidArgument("The entity '" + reference.LogicalName + "' is not a valid target of lookup '" + column.LogicalName + "' of '" + table.LogicalName + "' (targets: " + string.Join(", ", column.Targets) + ").");
                    break;
                case ColumnType.PartyList:
                    if (value is not EntityCollection parties) throw Faults.WrongType(table.LogicalName, column.LogicalName, value, "Microsoft.Xrm.Sdk.EntityCollection");
                    var partyTable = Schema.GetTable("activityparty");
                    foreach (var party in parties.Entities) ValidateAttributes(partyTable, party);
                    break;
            }
        }
    }

    /// <summary>The row to store: a copy of the existing row (if any) merged with the target's values (null clears).</summary>
    private Entity BuildStoredRow(TableSchema table, Entity source, Entity? existing, bool validateReferences)
    {
        var row = existing == null ? new Entity(table.LogicalName, source.Id) : Values.CloneEntity(existing);
        foreach (var pair in source.Attributes)
        {
            if (pair.Value == null)
            {
                row.Attributes.Remove(pair.Key);
                continue;
            }
            var column = table.FindColumn(pair.Key)!;
            var value = Values.CloneValue(pair.Value);
            if (value is DateTime date)
                value = column.Behavior == "DateOnly" ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) : Values.ToUtcWithoutMilliseconds(date);
            if (value is EntityReference reference && validateReferences)
                value = CheckReference(reference);
            if (value is EntityCollection parties)
                foreach (var party in parties.Entities)
                {
                    party.LogicalName = "activityparty";
                    if (validateReferences && party.GetAttributeValue<EntityReference>("partyid") is { } partyId) CheckReference(partyId);
                }
            row.Attributes[pair.Key] = value;
        }
        row[table.PrimaryId] = row.Id;
        if (table.IsUserOwned && source.Contains("ownerid")) SetOwningColumns(row, row.GetAttributeValue<EntityReference>("ownerid"));
        foreach (var key in row.Attributes.Where(p => p.Value == null).Select(p => p.Key).ToList()) row.Attributes.Remove(key);
        if ((source.Contains("firstname") || source.Contains("lastname")) && table.FindColumn("fullname") != null && table.LogicalName is "lead" or "contact" or "systemuser")
        {
            var fullName = (row.GetAttributeValue<string>("firstname") + " " + row.GetAttributeValue<string>("lastname")).Trim();
            if (fullName.Length > 0) row["fullname"] = fullName;
            else row.Attributes.Remove("fullname");
        }
        return row;
    }

    /// <summary>A lookup must point to an existing row (resolved by alternate key when it carries one).</summary>
    private EntityReference CheckReference(EntityReference reference)
    {
        var table = Schema.FindTable(reference.LogicalName);
        if (table == null) return reference;
        var row = ResolveRow(table, reference.Id, reference.KeyAttributes);
        return new EntityReference(reference.LogicalName, row.Id) { Name = reference.Name };
    }

    /// <summary>The platform keeps an activityparty row per party of an activity's party lists.</summary>
    private void WriteActivityParties(TableSchema table, Entity stored, Transaction? tx, Entity? changed = null)
    {
        foreach (var column in table.Columns.Values.Where(c => c.Type == ColumnType.PartyList))
        {
            if (changed != null && !changed.Contains(column.LogicalName)) continue;
            var mask = PartyListMasks.TryGetValue(column.LogicalName, out var m) ? m : 0;
            if (changed != null) DeleteActivityParties(table, stored.Id, mask, tx);
            if (stored.GetAttributeValue<EntityCollection>(column.LogicalName) is not { } parties) continue;
            foreach (var party in parties.Entities)
            {
                var row = new Entity("activityparty", NewId());
                row["activitypartyid"] = row.Id;
                row["activityid"] = new EntityReference(table.LogicalName, stored.Id);
                row["participationtypemask"] = new OptionSetValue(mask);
                if (party.GetAttributeValue<EntityReference>("partyid") is { } partyId) row["partyid"] = Values.CloneReference(partyId);
                if (party.GetAttributeValue<string>("addressused") is { } address) row["addressused"] = address;
                party["activitypartyid"] = row.Id;
                _store.Insert(row, tx);
            }
        }
    }

    private void DeleteActivityParties(TableSchema table, Guid activityId, int? mask, Transaction? tx)
    {
        var parties = _store.Table("activityparty");
        foreach (var id in parties.Lookup("activityid", activityId).ToList())
        {
            var row = parties.Find(id);
            if (row == null) continue;
            if (mask == null || row.GetAttributeValue<OptionSetValue>("participationtypemask")?.Value == mask) _store.Delete("activityparty", id, tx);
        }
    }
}
