using System;
using System.Globalization;
using System.Security;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Business days are Monday to Friday in the calendar's time zone (no holidays). A due date is the end of a
    /// business day (17:00 local by default) expressed in UTC. Deterministic: the result depends only on the
    /// arguments and the time zone's rules.
    /// </summary>
    public sealed class BusinessCalendar
    {
        public static readonly TimeSpan DefaultEndOfBusinessDay = new TimeSpan(17, 0, 0);

        /// <summary>Largest offset honoured; larger offsets are capped (mpl_offsetdays allows 365).</summary>
        public const int MaxBusinessDays = 3650;

        /// <param name="timeZone">Time zone of the business days (null = UTC).</param>
        /// <param name="endOfBusinessDay">Local time of day of due dates, greater than 00:00 and less than 24:00 (null = 17:00).</param>
        public BusinessCalendar(TimeZoneInfo? timeZone = null, TimeSpan? endOfBusinessDay = null)
        {
            var end = endOfBusinessDay ?? DefaultEndOfBusinessDay;
            if (!IsValidEndOfBusinessDay(end))
                throw new ArgumentOutOfRangeException(nameof(endOfBusinessDay), end, "The end of the business day must be after 00:00 and before 24:00.");
            TimeZone = timeZone ?? TimeZoneInfo.Utc;
            EndOfBusinessDay = end;
        }

        public TimeZoneInfo TimeZone { get; }
        public TimeSpan EndOfBusinessDay { get; }

        /// <summary>
        /// Tolerant factory for configuration: an empty id means UTC (no diagnostic); an unknown or unreadable
        /// id, or an end of day outside (00:00, 24:00), falls back to UTC / 17:00 with a diagnostic. Use Windows ids
        /// (e.g. "W. Europe Standard Time"): the Dataverse sandbox runs .NET Framework on Windows, where IANA ids
        /// are unknown.
        /// </summary>
        public static BusinessCalendarResolution FromTimeZoneId(string? timeZoneId, TimeSpan? endOfBusinessDay = null)
        {
            string? diagnostic = null;
            var end = endOfBusinessDay ?? DefaultEndOfBusinessDay;
            if (!IsValidEndOfBusinessDay(end))
            {
                diagnostic = "End of business day " + end.ToString("c", CultureInfo.InvariantCulture) + " is not a time of day; 17:00 is used.";
                end = DefaultEndOfBusinessDay;
            }

            var zone = TimeZoneInfo.Utc;
            if (!string.IsNullOrWhiteSpace(timeZoneId))
            {
                var id = timeZoneId!.Trim();
                string? problem = null;
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                }
                catch (TimeZoneNotFoundException) { problem = "is unknown"; }
                catch (InvalidTimeZoneException) { problem = "has invalid data"; }
                catch (SecurityException) { problem = "cannot be read here"; }
                catch (ArgumentException) { problem = "is not a valid id"; }
                if (problem != null)
                {
                    zone = TimeZoneInfo.Utc;
                    var line = "Time zone '" + id + "' " + problem + "; business days are counted in UTC.";
                    diagnostic = diagnostic == null ? line : diagnostic + " " + line;
                }
            }

            return new BusinessCalendarResolution(new BusinessCalendar(zone, end), diagnostic);
        }

        /// <summary>Monday to Friday.</summary>
        public static bool IsBusinessDay(DateTime date) =>
            date.DayOfWeek != DayOfWeek.Saturday && date.DayOfWeek != DayOfWeek.Sunday;

        /// <summary>
        /// Due date (UTC) <paramref name="businessDays"/> business days after <paramref name="enrolledOn"/>.
        /// Day 0 is the enrolment day when it is a business day and the enrolment is before the end of the
        /// business day (local), else the next business day; the due date is the end of the business day reached
        /// after adding the offset. Negative offsets count as 0. An Unspecified-kind instant is read as UTC.
        /// </summary>
        public DateTime DueDateUtc(DateTime enrolledOn, int businessDays) => DueDateUtc(enrolledOn, businessDays, out _);

        /// <summary>
        /// Latest due date the calendar gives: far enough before DateTime.MaxValue that the next business day, the
        /// end-of-day time and any time zone offset can still be computed.
        /// </summary>
        public static readonly DateTime LatestDueDateUtc = new DateTime(9999, 12, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>
        /// <see cref="DueDateUtc(DateTime, int)"/>, or <see cref="LatestDueDateUtc"/> with <paramref name="capped"/> set
        /// when the due date would fall after it (an enrolment date near the end of the calendar), so date arithmetic
        /// never overflows.
        /// </summary>
        public DateTime DueDateUtc(DateTime enrolledOn, int businessDays, out bool capped)
        {
            var remaining = Math.Min(Math.Max(businessDays, 0), MaxBusinessDays);
            // Calendar days the computation may move at most: 3 to day 0, 7 per 5 business days, 6 for the rest, 1 for the offset.
            var reach = 3 + 7.0 * (remaining / 5) + 6 + 1;
            capped = (LatestDueDateUtc - ToUtc(enrolledOn)).TotalDays < reach;
            if (capped) return LatestDueDateUtc;

            var localDay = FirstBusinessDay(enrolledOn);

            // Whole weeks at once, then the rest day by day (the first business day is a weekday).
            localDay = localDay.AddDays(7 * (remaining / 5));
            for (var left = remaining % 5; left > 0;)
            {
                localDay = localDay.AddDays(1);
                if (IsBusinessDay(localDay)) left--;
            }
            return EndOfDayUtc(localDay);
        }

        /// <summary>The local date that counts as day 0 of an enrolment at <paramref name="enrolledOn"/>.</summary>
        public DateTime FirstBusinessDay(DateTime enrolledOn)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(ToUtc(enrolledOn), TimeZone);
            var day = local.Date;
            if (!IsBusinessDay(day) || local.TimeOfDay >= EndOfBusinessDay)
            {
                do { day = day.AddDays(1); } while (!IsBusinessDay(day));
            }
            return DateTime.SpecifyKind(day, DateTimeKind.Unspecified);
        }

        /// <summary>End of the business day of a local date, in UTC. A local time skipped by a DST change moves to the first valid time after it.</summary>
        public DateTime EndOfDayUtc(DateTime localDate)
        {
            var local = DateTime.SpecifyKind(localDate.Date + EndOfBusinessDay, DateTimeKind.Unspecified);
            for (var guard = 0; TimeZone.IsInvalidTime(local) && guard < 24 * 4; guard++)
                local = local.AddMinutes(15);
            // Ambiguous times (clock set back) are read as standard time, as TimeZoneInfo does.
            return DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, TimeZone), DateTimeKind.Utc);
        }

        /// <summary>Unspecified is read as UTC (Dataverse returns UTC); Local is converted.</summary>
        public static DateTime ToUtc(DateTime instant) => instant.Kind switch
        {
            DateTimeKind.Utc => instant,
            DateTimeKind.Local => instant.ToUniversalTime(),
            _ => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        };

        private static bool IsValidEndOfBusinessDay(TimeSpan end) => end > TimeSpan.Zero && end < TimeSpan.FromDays(1);
    }
}
