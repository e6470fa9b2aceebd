using System.Text.Json;
using LeadPlugins.InMemory;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Emulator;

// Entity-set handlers: CRUD on a table, the bound actions CreateMultiple/UpdateMultiple, and EntityDefinitions.
public sealed partial class DataverseEmulator
{
    /// <summary>CRUD on one entity set: GET by key or as a collection (fetchXml= or OData options), POST, PATCH (upsert unless If-Match: *), DELETE.</summary>
    private EmulatorAnswer EntitySet(EmulatedTable table, Guid? id, EmulatorRequest request, EmulatorJson.Annotations annotations)
    {
        var method = request.Method;
        if (table.IsVirtual && method != "GET") throw new EmulatorRequestException(405, "0x80060888", "The emulator serves " + table.EntitySetName + " read-only.");
        var select = request.Query.TryGetValue("$select", out var selected) ? ODataQuery.Parse(new[] { KeyValuePair.Create("$select", selected) }).Select : null;
        var representation = request.Header("Prefer").Contains("return=representation", StringComparison.OrdinalIgnoreCase);
        switch (method)
        {
            case "GET" when id != null:
                var row = table.IsVirtual ? VirtualRows(table.LogicalName).FirstOrDefault(r => r.Id == id)
                    : _service.Retrieve(table.LogicalName, id.Value, select == null ? new ColumnSet(true) : new ColumnSet(select.ToArray()));
                if (row == null) throw new EmulatorRequestException(404, WebApiErrors.ToHex(ErrorCodes.ObjectDoesNotExist), table.LogicalName + " With Id = " + id + " Does Not Exist");
                return Json(w => _json.WriteRow(w, row, table, annotations, select), ("@odata.context", Url + "api/data/v9.2/$metadata#" + table.EntitySetName + "/$entity"));
            case "GET":
                return request.Query.TryGetValue("fetchXml", out var fetchXml)
                    ? Fetch(table, fetchXml, annotations)
                    : Collection(table, request, annotations);
            case "POST" when id == null:
                var created = _json.ReadEntity(Parse(request.Body), table);
                var newId = _service.Create(created);
                var location = Url + "api/data/v9.2/" + table.EntitySetName + "(" + newId.ToString("D") + ")";
                if (!representation) return EmulatorAnswer.NoContent(("OData-EntityId", location));
                var stored = _service.Retrieve(table.LogicalName, newId, new ColumnSet(true));
                return Json(w => _json.WriteRow(w, stored, table, annotations, select), ("@odata.context", Url + "api/data/v9.2/$metadata#" + table.EntitySetName + "/$entity")) with
                {
                    Status = 201,
                    Headers = new[] { ("OData-EntityId", location) },
                };
            case "PATCH" when id != null:
                var changes = _json.ReadEntity(Parse(request.Body), table);
                changes.Id = id.Value;
                var exists = _dataverse.Get(table.LogicalName, id.Value) != null;
                if (!exists && request.Header("If-Match") == "*")
                    throw new EmulatorRequestException(404, WebApiErrors.ToHex(ErrorCodes.ObjectDoesNotExist), table.LogicalName + " With Id = " + id + " Does Not Exist");
                if (exists) _service.Update(changes);
                else _service.Create(changes); // PATCH without If-Match is an upsert.
                if (!representation) return EmulatorAnswer.NoContent(("OData-EntityId", Url + "api/data/v9.2/" + table.EntitySetName + "(" + id.Value.ToString("D") + ")"));
                var updated = _service.Retrieve(table.LogicalName, id.Value, new ColumnSet(true));
                return Json(w => _json.WriteRow(w, updated, table, annotations, select));
            case "DELETE" when id != null:
                _service.Delete(table.LogicalName, id.Value);
                return EmulatorAnswer.NoContent();
            default:
                throw new EmulatorRequestException(405, "0x80060888", method + " is not supported on " + table.EntitySetName + (id == null ? string.Empty : "(" + id + ")") + ".");
        }
    }

    private EmulatorAnswer Definitions(string resource)
    {
        const string prefix = "EntityDefinitions(LogicalName='";
        if (resource.StartsWith(prefix, StringComparison.Ordinal))
        {
            var name = resource[prefix.Length..resource.IndexOf('\'', prefix.Length)];
            var table = _byName.GetValueOrDefault(name) ?? throw new EmulatorRequestException(404, "0x80040217", "Could not find entity with name '" + name + "'.");
            return Json(w => WriteDefinition(w, table));
        }
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("value");
            foreach (var table in _byName.Values.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("LogicalName", table.LogicalName);
                w.WriteString("EntitySetName", table.EntitySetName);
                w.WriteString("PrimaryIdAttribute", table.PrimaryId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>An EntityMetadata answer with the Attributes and ManyToOneRelationships the client's query expands.</summary>
    private static void WriteDefinition(Utf8JsonWriter w, EmulatedTable table)
    {
        w.WriteStartObject();
        w.WriteString("LogicalName", table.LogicalName);
        w.WriteString("EntitySetName", table.EntitySetName);
        w.WriteString("PrimaryIdAttribute", table.PrimaryId);
        if (table.PrimaryName != null) w.WriteString("PrimaryNameAttribute", table.PrimaryName);
        w.WriteStartArray("Attributes");
        foreach (var (column, type) in table.Types.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("LogicalName", column);
            w.WriteString("AttributeType", type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("ManyToOneRelationships");
        foreach (var (column, target, navigation) in table.Navigations)
        {
            w.WriteStartObject();
            w.WriteString("ReferencingAttribute", column);
            w.WriteString("ReferencedEntity", target);
            w.WriteString("ReferencingEntityNavigationPropertyName", navigation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }


    private EmulatorAnswer CreateMultiple(EmulatedTable table, string? body)
    {
        var targets = Targets(table, body);
        var response = (CreateMultipleResponse)_service.Execute(new CreateMultipleRequest { Targets = targets });
        var ids = (Guid[])response.Results["Ids"];
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", Url + "api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse");
            w.WriteStartArray("Ids");
            foreach (var id in ids) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private EmulatorAnswer UpdateMultiple(EmulatedTable table, string? body)
    {
        var targets = Targets(table, body);
        foreach (var target in targets.Entities)
            if (target.Id == Guid.Empty) throw new EmulatorRequestException(400, "0x80040203", "Each UpdateMultiple target needs its " + table.PrimaryId + ".");
        _service.Execute(new UpdateMultipleRequest { Targets = targets });
        return EmulatorAnswer.NoContent();
    }

    private EntityCollection Targets(EmulatedTable table, string? body)
    {
        var root = Parse(body);
        if (!root.TryGetProperty("Targets", out var targets) || targets.ValueKind != JsonValueKind.Array)
            throw new EmulatorRequestException(400, "0x80040203", "The body needs a Targets array.");
        var collection = new EntityCollection { EntityName = table.LogicalName };
        foreach (var target in targets.EnumerateArray()) collection.Entities.Add(_json.ReadEntity(target, table));
        return collection;
    }
}
