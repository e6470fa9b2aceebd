using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>QualifyLead: creates the requested account, contact and opportunity from the lead, then closes it as qualified.</summary>
internal sealed class QualifyLeadHandler : MessageHandler
{
    public QualifyLeadHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "QualifyLead";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var request = context.Request;
        var leadRef = RequiredParameter<EntityReference>(request, "LeadId");
        var leadTable = Schema.GetTable("lead");
        var lead = Finder.ResolveRow(leadTable, leadRef.Id, null);
        if (lead.GetAttributeValue<OptionSetValue>("statecode")?.Value is int state && state != 0)
            throw Faults.InvalidArgument("The lead is closed. You cannot convert or qualify a lead that is already closed.");
        var status = request.Parameters.TryGetValue("Status", out var s) && s is OptionSetValue statusValue ? statusValue.Value : leadTable.DefaultStatus(1);
        var statusDefinition = leadTable.FindStatus(status);
        if (statusDefinition == null || statusDefinition.State != 1) throw Faults.InvalidStatus(leadTable, 1, status, lead.Id);
        bool Flag(string name) => request.Parameters.TryGetValue(name, out var v) && v is true;
        object? Copy(string column) => Values.CloneStoredValue(lead.Attributes.TryGetValue(column, out var v) ? v : null);
        var leadReference = new EntityReference("lead", lead.Id);
        var created = new EntityReferenceCollection();
        EntityReference? account = null, contact = null;

        Guid CreateChild(Entity child)
        {
            foreach (var key in child.Attributes.Where(p => p.Value == null).Select(p => p.Key).ToList()) child.Attributes.Remove(key);
            return (Guid)Dataverse.ExecuteInternal(new CreateRequest { Target = child }, context).Results["id"];
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
        Dataverse.ExecuteInternal(new UpdateRequest { Target = leadUpdate }, context);
        return new QualifyLeadResponse { Results = { ["CreatedEntities"] = created } };
    }
}
