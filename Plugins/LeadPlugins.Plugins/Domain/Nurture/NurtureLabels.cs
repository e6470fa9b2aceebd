using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Display labels of the choices that nurture texts, traces and the sequence printout use. Same labels as
    /// Solution/src/choices.xml; an undefined option value prints as its number.
    /// </summary>
    public static class NurtureLabels
    {
        public static string Of(Storefront storefront) => storefront switch
        {
            Storefront.AppSource => "AppSource",
            Storefront.AzureMarketplace => "Azure Marketplace",
            Storefront.Other => "Other",
            _ => Number((int)storefront),
        };

        public static string Of(CampaignType campaignType) => campaignType switch
        {
            CampaignType.Nurture => "Nurture",
            CampaignType.DemandGeneration => "Demand generation",
            _ => Number((int)campaignType),
        };

        public static string Of(LeadAction action) => action switch
        {
            LeadAction.ContactMe => "Contact me",
            LeadAction.GetItNow => "Get it now",
            LeadAction.DoNotContact => "Do not contact",
            LeadAction.Create => "Create (Azure portal)",
            LeadAction.TestDrive => "Test drive",
            LeadAction.FreeTrial => "Free trial",
            LeadAction.Other => "Other",
            _ => Number((int)action),
        };

        public static string Of(NurtureActivityType activityType) => activityType switch
        {
            NurtureActivityType.Task => "Task",
            NurtureActivityType.PhoneCall => "Phone call",
            NurtureActivityType.Email => "E-mail",
            _ => Number((int)activityType),
        };

        public static string Of(StepPriority priority) => priority switch
        {
            StepPriority.Low => "Low",
            StepPriority.Normal => "Normal",
            StepPriority.High => "High",
            _ => Number((int)priority),
        };

        public static string Of(EnrollmentStatus status) => status switch
        {
            EnrollmentStatus.Active => "Active",
            EnrollmentStatus.Completed => "Completed",
            EnrollmentStatus.Stopped => "Stopped",
            EnrollmentStatus.Skipped => "Skipped",
            _ => Number((int)status),
        };

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
