using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>The enrolment step's unsecure configuration: business days in a Windows time zone, due at a chosen time.</summary>
[TestClass]
public sealed class ConfigurationTests : NurtureTestBase
{
    [TestMethod]
    public void Due_dates_follow_the_configured_time_zone_and_end_of_day()
    {
        Recreate(enrolmentConfiguration: "{\"timeZone\": \"W. Europe Standard Time\", \"endOfBusinessDay\": \"16:30\"}");

        var leadId = CreateLead(Storefront.AppSource, LeadAction.ContactMe);
        Dataverse.DrainAsync();

        var activities = ActivitiesOf(EnrollmentOf(leadId).Id);
        Assert.AreEqual(Utc(2026, 3, 3, 15, 30), activities[0].GetAttributeValue<DateTime>("scheduledend"), "Tuesday 16:30 CET = 15:30 UTC");
        Assert.AreEqual(Utc(2026, 3, 23, 15, 30), activities[^1].GetAttributeValue<DateTime>("scheduledend"));
        Assert.IsFalse(TracesOf<EnrollLeadInNurture>().Contains("Configuration:", StringComparison.Ordinal), "a clean configuration adds no diagnostic");
    }

    [TestMethod]
    public void Local_business_days_cross_daylight_saving_time()
    {
        Recreate(enrolmentConfiguration: "{timeZone: 'W. Europe Standard Time'}"); // repaired JSON is still read
        Now = Utc(2026, 3, 27, 22, 30); // Friday 23:30 CET: day 0 is Monday 30 March, after the switch to CEST

        var leadId = CreateLead(Storefront.AzureMarketplace, LeadAction.ContactMe);
        Dataverse.DrainAsync();

        var call = ActivitiesOf(EnrollmentOf(leadId).Id)[0];
        Assert.AreEqual(Utc(2026, 3, 31, 15), call.GetAttributeValue<DateTime>("scheduledend"), "day 1 = Tuesday 31 March 17:00 CEST = 15:00 UTC");
        StringAssert.Contains(TracesOf<EnrollLeadInNurture>(), "Configuration: Configuration JSON was repaired");
    }

    [TestMethod]
    [DataRow("{\"timeZone\": \"Mars/Olympus Mons\"}", "Time zone 'Mars/Olympus Mons' is unknown; business days are counted in UTC.")]
    [DataRow("not json at all", "Configuration is not a JSON object; business days are counted in UTC, due at 17:00.")]
    [DataRow("{\"endOfBusinessDay\": \"25:00\"}", "End of business day '25:00' is not a time like 17:00; 17:00 is used.")]
    public void A_bad_configuration_falls_back_to_utc_and_says_why_in_the_trace(string configuration, string diagnostic)
    {
        Recreate(enrolmentConfiguration: configuration);

        var leadId = CreateLead(Storefront.AppSource, LeadAction.ContactMe);
        Dataverse.DrainAsync();

        AssertAllStepsSucceeded();
        Assert.AreEqual(Utc(2026, 3, 3, 17), ActivitiesOf(EnrollmentOf(leadId).Id)[0].GetAttributeValue<DateTime>("scheduledend"));
        StringAssert.Contains(TracesOf<EnrollLeadInNurture>(), "Configuration: " + diagnostic);
    }

    [TestMethod]
    public void Options_parse_is_tolerant_and_never_throws()
    {
        var empty = NurtureOptions.Parse(null);
        Assert.AreEqual(TimeZoneInfo.Utc, empty.Calendar.TimeZone);
        Assert.IsEmpty(empty.Diagnostics);

        var zoned = NurtureOptions.Parse("{\"TIMEZONE\": \"Pacific Standard Time\", \"endOfBusinessDay\": \"18:15\"}");
        Assert.AreEqual(new TimeSpan(18, 15, 0), zoned.Calendar.EndOfBusinessDay);
        Assert.AreEqual(Utc(2026, 3, 3, 2, 15), zoned.Calendar.DueDateUtc(T0, 0), "Monday 18:15 PST (UTC-8 until 8 March) = Tuesday 02:15 UTC");
        Assert.IsEmpty(zoned.Diagnostics);

        var bareHour = NurtureOptions.Parse("{\"endOfBusinessDay\": \"17\"}");
        Assert.AreEqual(new TimeSpan(17, 0, 0), bareHour.Calendar.EndOfBusinessDay);
        Assert.HasCount(1, bareHour.Diagnostics);
    }
}
