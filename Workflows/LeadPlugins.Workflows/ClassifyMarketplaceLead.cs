using System.Activities;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Workflow;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadPlugins.Workflows
{
    /// <summary>Classifies marketplace text (no reads): storefront, audience, campaign type, listing, action, offer, flags.</summary>
    [WorkflowActivity(LeadWorkflowActivityNames.Classify,
        Description = "Classifies marketplace text: a lead source (e.g. the Topic 'AppSource (SPZA)-PLT|publisher.offer'), an optional action code and payload. Returns storefront, audience, campaign type, listing, action, offer and the co-sell, test and marketplace flags.")]
    public sealed class ClassifyMarketplaceLead : LeadWorkflowActivity
    {
        // Properties are bound by the workflow runtime before Execute.
        [Input("Lead source text")]
        public InArgument<string> LeadSourceText { get; set; } = null!;

        [Input("Action code")]
        public InArgument<string> ActionCode { get; set; } = null!;

        [Input("Payload text")]
        public InArgument<string> PayloadText { get; set; } = null!;

        [Output("Storefront")]
        [AttributeTarget(LeadTable.LogicalName, LeadTable.Columns.Storefront)]
        public OutArgument<OptionSetValue?> Storefront { get; set; } = null!;

        [Output("Audience")]
        [AttributeTarget(LeadTable.LogicalName, LeadTable.Columns.Audience)]
        public OutArgument<OptionSetValue?> Audience { get; set; } = null!;

        [Output("Campaign type")]
        [AttributeTarget(LeadTable.LogicalName, LeadTable.Columns.CampaignType)]
        public OutArgument<OptionSetValue?> CampaignType { get; set; } = null!;

        [Output("Listing type")]
        [AttributeTarget(LeadTable.LogicalName, LeadTable.Columns.ListingType)]
        public OutArgument<OptionSetValue?> ListingType { get; set; } = null!;

        [Output("Lead action")]
        [AttributeTarget(LeadTable.LogicalName, LeadTable.Columns.LeadAction)]
        public OutArgument<OptionSetValue?> LeadAction { get; set; } = null!;

        [Output("Offer title")]
        public OutArgument<string?> OfferTitle { get; set; } = null!;

        [Output("Is co-sell")]
        public OutArgument<bool> IsCoSell { get; set; } = null!;

        [Output("Is test lead")]
        public OutArgument<bool> IsTestLead { get; set; } = null!;

        [Output("Is marketplace")]
        public OutArgument<bool> IsMarketplace { get; set; } = null!;

        protected override void Execute(CodeActivityContext context, LeadWorkflowService leads)
        {
            var result = leads.Classify(LeadSourceText.Get(context), ActionCode.Get(context), PayloadText.Get(context));
            Storefront.Set(context, result.Storefront);
            Audience.Set(context, result.Audience);
            CampaignType.Set(context, result.CampaignType);
            ListingType.Set(context, result.ListingType);
            LeadAction.Set(context, result.LeadAction);
            OfferTitle.Set(context, result.OfferTitle);
            IsCoSell.Set(context, result.IsCoSell);
            IsTestLead.Set(context, result.IsTestLead);
            IsMarketplace.Set(context, result.IsMarketplace);
        }
    }
}
