using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Retrieve: one row by id or alternate key, only the requested columns (ColumnSet is required).</summary>
internal sealed class RetrieveHandler : MessageHandler
{
    public RetrieveHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "Retrieve";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var target = RequiredParameter<EntityReference>(context.Request, "Target");
        var columns = Parameter<ColumnSet>(context.Request, "ColumnSet") ?? throw Faults.RequiredField("ColumnSet");
        return new RetrieveResponse { Results = { ["Entity"] = Read(target.LogicalName, target.Id, target.KeyAttributes, columns) } };
    }

    /// <summary>A copy of the row (by id, or by alternate key when the id is empty) with the requested columns.</summary>
    internal Entity Read(string logicalName, Guid id, KeyAttributeCollection? keys, ColumnSet columns)
    {
        var table = Schema.GetTable(logicalName);
        AttributeValidator.ValidateColumns(table, columns);
        var row = Finder.ResolveRow(table, id, keys);
        return Dataverse.Names.Fill(AttributeValidator.Project(table, row, columns));
    }
}
