using LeadPlugins.Plugins.Domain.Nurture;
using static LeadPlugins.Nurture.Tests.TestData;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar UtcCalendar = new();

    private static BusinessCalendar Zone(string id)
    {
        var resolution = BusinessCalendar.FromTimeZoneId(id);
        Assert.IsNull(resolution.Diagnostic, resolution.Diagnostic);
        return resolution.Calendar;
    }

    // 2026-03-02 is a Monday, 2026-03-06 a Friday.
    [TestMethod]
    [DataRow("2026-03-02T10:00", 0, "2026-03-02T17:00", DisplayName = "Monday morning, offset 0: same day")]
    [DataRow("2026-03-02T16:59", 0, "2026-03-02T17:00", DisplayName = "one minute before the end of the day")]
    [DataRow("2026-03-02T17:00", 0, "2026-03-03T17:00", DisplayName = "at the end of the day: next business day")]
    [DataRow("2026-03-02T10:00", 1, "2026-03-03T17:00", DisplayName = "Monday + 1")]
    [DataRow("2026-03-04T10:00", 5, "2026-03-11T17:00", DisplayName = "Wednesday + 5 = next Wednesday")]
    [DataRow("2026-03-02T09:00", 15, "2026-03-23T17:00", DisplayName = "three weeks")]
    [DataRow("2026-03-06T10:00", 0, "2026-03-06T17:00", DisplayName = "Friday morning, offset 0")]
    [DataRow("2026-03-06T10:00", 1, "2026-03-09T17:00", DisplayName = "Friday + 1 skips the weekend")]
    [DataRow("2026-03-06T18:00", 0, "2026-03-09T17:00", DisplayName = "Friday evening, offset 0: Monday")]
    [DataRow("2026-03-06T18:00", 1, "2026-03-10T17:00", DisplayName = "Friday evening + 1: Tuesday")]
    [DataRow("2026-03-07T09:00", 0, "2026-03-09T17:00", DisplayName = "Saturday, offset 0: Monday")]
    [DataRow("2026-03-08T23:59", 1, "2026-03-10T17:00", DisplayName = "Sunday + 1: Tuesday")]
    [DataRow("2026-03-05T10:00", 2, "2026-03-09T17:00", DisplayName = "Thursday + 2: Monday")]
    [DataRow("2026-03-05T10:00", 7, "2026-03-16T17:00", DisplayName = "Thursday + 7 crosses two weekends")]
    [DataRow("2026-01-30T12:00", 1, "2026-02-02T17:00", DisplayName = "month end (January)")]
    [DataRow("2026-02-27T12:00", 1, "2026-03-02T17:00", DisplayName = "month end (February)")]
    [DataRow("2028-02-28T12:00", 1, "2028-02-29T17:00", DisplayName = "leap day")]
    [DataRow("2026-12-31T10:00", 1, "2027-01-01T17:00", DisplayName = "year end: New Year's Day is a weekday (no holidays)")]
    [DataRow("2026-12-31T10:00", 2, "2027-01-04T17:00", DisplayName = "year end + 2: Monday")]
    [DataRow("2025-12-31T20:00", 0, "2026-01-01T17:00", DisplayName = "New Year's Eve evening")]
    public void Due_dates_in_utc(string enrolled, int offset, string expected)
    {
        Assert.AreEqual(ParseUtc(expected), UtcCalendar.DueDateUtc(ParseUtc(enrolled), offset));
    }

    [TestMethod]
    public void Every_due_date_is_a_weekday_at_the_end_of_the_day_and_later_offsets_are_never_earlier()
    {
        for (var start = Utc(2026, 1, 1); start < Utc(2026, 1, 15); start = start.AddHours(5))
        {
            var previous = DateTime.MinValue;
            for (var offset = 0; offset <= 20; offset++)
            {
                var due = UtcCalendar.DueDateUtc(start, offset);
                Assert.IsTrue(BusinessCalendar.IsBusinessDay(due), $"{start:o} + {offset}");
                Assert.AreEqual(new TimeSpan(17, 0, 0), due.TimeOfDay);
                Assert.IsTrue(due > start);
                Assert.IsTrue(due > previous);
                previous = due;
            }
        }
    }

    [TestMethod]
    public void Results_are_utc_and_an_unspecified_instant_counts_as_utc()
    {
        var unspecified = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Unspecified);

        var due = UtcCalendar.DueDateUtc(unspecified, 0);

        Assert.AreEqual(DateTimeKind.Utc, due.Kind);
        Assert.AreEqual(Utc(2026, 3, 2, 17), due);
    }

    [TestMethod]
    public void Negative_offsets_count_as_zero_and_huge_ones_are_capped()
    {
        Assert.AreEqual(UtcCalendar.DueDateUtc(Utc(2026, 3, 2, 10), 0), UtcCalendar.DueDateUtc(Utc(2026, 3, 2, 10), -3));
        Assert.AreEqual(UtcCalendar.DueDateUtc(Utc(2026, 3, 2, 10), BusinessCalendar.MaxBusinessDays),
            UtcCalendar.DueDateUtc(Utc(2026, 3, 2, 10), int.MaxValue));
    }

    [TestMethod]
    public void Europe_spring_forward_weekend_moves_the_utc_hour()
    {
        var berlin = Zone("W. Europe Standard Time");   // DST starts Sunday 2026-03-29
        var enrolled = Utc(2026, 3, 27, 9);              // Friday 10:00 CET

        Assert.AreEqual(Utc(2026, 3, 27, 16), berlin.DueDateUtc(enrolled, 0), "Friday 17:00 CET");
        Assert.AreEqual(Utc(2026, 3, 30, 15), berlin.DueDateUtc(enrolled, 1), "Monday 17:00 CEST");
    }

    [TestMethod]
    public void Europe_fall_back_weekend_moves_the_utc_hour()
    {
        var berlin = Zone("W. Europe Standard Time");   // DST ends Sunday 2026-10-25
        var enrolled = Utc(2026, 10, 23, 9);             // Friday 11:00 CEST

        Assert.AreEqual(Utc(2026, 10, 23, 15), berlin.DueDateUtc(enrolled, 0), "Friday 17:00 CEST");
        Assert.AreEqual(Utc(2026, 10, 26, 16), berlin.DueDateUtc(enrolled, 1), "Monday 17:00 CET");
    }

    [TestMethod]
    public void Us_eastern_daylight_saving_start()
    {
        var newYork = Zone("Eastern Standard Time");     // DST starts Sunday 2026-03-08
        var enrolled = Utc(2026, 3, 6, 14);              // Friday 09:00 EST

        Assert.AreEqual(Utc(2026, 3, 6, 22), newYork.DueDateUtc(enrolled, 0), "Friday 17:00 EST");
        Assert.AreEqual(Utc(2026, 3, 9, 21), newYork.DueDateUtc(enrolled, 1), "Monday 17:00 EDT");
    }

    [TestMethod]
    public void The_local_day_decides_not_the_utc_day()
    {
        var tokyo = Zone("Tokyo Standard Time");
        var newYork = Zone("Eastern Standard Time");

        // Monday 23:30 UTC is Tuesday 08:30 in Tokyo: day 0 is Tuesday there, Tuesday in UTC too (after 17:00).
        Assert.AreEqual(Utc(2026, 3, 3, 8), tokyo.DueDateUtc(Utc(2026, 3, 2, 23, 30), 0));
        // Sunday 22:00 UTC is Monday 07:00 in Tokyo: due Monday 17:00 JST, while UTC waits for Monday 17:00 UTC.
        Assert.AreEqual(Utc(2026, 3, 2, 8), tokyo.DueDateUtc(Utc(2026, 3, 1, 22), 0));
        Assert.AreEqual(Utc(2026, 3, 2, 17), UtcCalendar.DueDateUtc(Utc(2026, 3, 1, 22), 0));
        // Saturday 02:00 UTC is still Friday 21:00 in New York, after hours: Monday.
        Assert.AreEqual(Utc(2026, 3, 9, 21), newYork.DueDateUtc(Utc(2026, 3, 7, 2), 0));
        // Monday 03:00 UTC is Sunday 22:00 in New York: Monday 17:00 EST.
        Assert.AreEqual(Utc(2026, 3, 2, 22), newYork.DueDateUtc(Utc(2026, 3, 2, 3), 0));
    }

    [TestMethod]
    public void Iana_ids_resolve_too_where_the_platform_knows_them()
    {
        Assert.AreEqual(Zone("W. Europe Standard Time").DueDateUtc(Utc(2026, 3, 27, 9), 1),
            Zone("Europe/Berlin").DueDateUtc(Utc(2026, 3, 27, 9), 1));
    }

    [TestMethod]
    public void An_unknown_time_zone_falls_back_to_utc_with_a_diagnostic()
    {
        var resolution = BusinessCalendar.FromTimeZoneId("Mars/Olympus Mons");

        Assert.AreEqual(TimeZoneInfo.Utc, resolution.Calendar.TimeZone);
        Assert.AreEqual("Time zone 'Mars/Olympus Mons' is unknown; business days are counted in UTC.", resolution.Diagnostic);
        Assert.AreEqual(Utc(2026, 3, 2, 17), resolution.Calendar.DueDateUtc(Utc(2026, 3, 2, 10), 0));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    public void No_time_zone_means_utc_without_a_diagnostic(string? id)
    {
        var resolution = BusinessCalendar.FromTimeZoneId(id);

        Assert.AreEqual(TimeZoneInfo.Utc, resolution.Calendar.TimeZone);
        Assert.IsNull(resolution.Diagnostic);
    }

    [TestMethod]
    public void The_end_of_the_business_day_can_be_configured()
    {
        var calendar = new BusinessCalendar(null, new TimeSpan(18, 30, 0));

        Assert.AreEqual(Utc(2026, 3, 2, 18, 30), calendar.DueDateUtc(Utc(2026, 3, 2, 18), 0));
        Assert.AreEqual(Utc(2026, 3, 3, 18, 30), calendar.DueDateUtc(Utc(2026, 3, 2, 18, 30), 0));
    }

    [TestMethod]
    public void An_impossible_end_of_day_is_rejected_by_the_constructor_and_replaced_by_the_factory()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BusinessCalendar(null, TimeSpan.FromHours(25)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BusinessCalendar(null, TimeSpan.Zero));

        var resolution = BusinessCalendar.FromTimeZoneId("Nowhere/Else", TimeSpan.FromHours(-1));

        Assert.AreEqual(BusinessCalendar.DefaultEndOfBusinessDay, resolution.Calendar.EndOfBusinessDay);
        StringAssert.Contains(resolution.Diagnostic, "17:00 is used.");
        StringAssert.Contains(resolution.Diagnostic, "Time zone 'Nowhere/Else' is unknown");
    }

    [TestMethod]
    public void An_end_of_day_skipped_by_a_clock_change_moves_to_the_first_valid_time()
    {
        // A made-up zone (UTC+0) whose clocks jump from 16:30 to 17:30 on Wednesday 2026-03-04.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2026, 1, 1), new DateTime(2026, 12, 31), TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 16, 30, 0), 3, 4),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 4));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Gap", TimeSpan.Zero, "Test gap", "Test standard", "Test daylight", new[] { rule });
        var calendar = new BusinessCalendar(zone);

        // 17:00 does not exist that day; 17:30 local (UTC+1) = 16:30 UTC.
        Assert.AreEqual(Utc(2026, 3, 4, 16, 30), calendar.DueDateUtc(Utc(2026, 3, 4, 8), 0));
        // The next day is normal again: 17:00 local (UTC+1) = 16:00 UTC.
        Assert.AreEqual(Utc(2026, 3, 5, 16), calendar.DueDateUtc(Utc(2026, 3, 4, 8), 1));
    }

    private static DateTime ParseUtc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
