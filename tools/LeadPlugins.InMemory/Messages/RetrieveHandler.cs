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
        var table = Schema.GetTable(target.LogicalName);
        AttributeValidator.ValidateColumns(table, columns);
        var row = Finder.ResolveRow(table, target.Id, target.KeyAttributes);
        return new RetrieveResponse { Results = { ["Entity"] = Dataverse.Names.Fill(AttributeValidator.Project(table, row, columns)) } };
    }
}
