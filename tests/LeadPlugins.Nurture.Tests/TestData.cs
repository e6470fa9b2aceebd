using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;

namespace LeadPlugins.Nurture.Tests;

internal static class TestData
{
    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static NurtureLeadContext Mette() => new()
    {
        FirstName = "Mette",
        CompanyName = "Fabrikam A/S",
        OfferTitle = "Contoso Field Service Accelerator",
        Storefront = Storefront.AppSource,
        CampaignType = CampaignType.Nurture,
        Action = LeadAction.ContactMe,
        LeadName = "Mette Jensen",
    };

    public static NurtureStepDefinition Step(int order, int offset = 1, NurtureActivityType type = NurtureActivityType.Task,
        StepPriority priority = StepPriority.Normal, string subject = "Step subject", string? description = "Step description", string? name = null) =>
        new(order, type, subject, description, offset, priority, name);

    public static NurtureSequenceDefinition Sequence(string name, CampaignType campaignType = CampaignType.Nurture,
        int priority = 0, bool isActive = true, Storefront? storefront = null, IEnumerable<LeadAction>? actions = null,
        Guid? id = null, IEnumerable<NurtureStepDefinition?>? steps = null) =>
        new(name, campaignType, steps ?? new[] { Step(1), Step(2, 3) }, id ?? Guid.NewGuid(), storefront, actions, priority, isActive);
}
