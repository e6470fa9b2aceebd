using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Domain.Nurture;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// Settings of the nurture services: the business calendar (time zone and end of the business day) and the clock
    /// for "ended on". Built from the step's unsecure configuration with <see cref="Parse"/>; the defaults are UTC,
    /// 17:00 and the system clock.
    /// </summary>
    public sealed class NurtureOptions
    {
        public const string TimeZoneKey = "timeZone";
        public const string EndOfBusinessDayKey = "endOfBusinessDay";

        public NurtureOptions(BusinessCalendar? calendar = null, Func<DateTime>? utcNow = null, IReadOnlyList<string>? diagnostics = null)
        {
            Calendar = calendar ?? new BusinessCalendar();
            UtcNow = utcNow ?? (() => DateTime.UtcNow);
            Diagnostics = diagnostics ?? new string[0];
        }

        /// <summary>Business days and due times of the planned activities.</summary>
        public BusinessCalendar Calendar { get; }

        /// <summary>Clock for mpl_endedon (plug-ins pass the operation's time, workflow activities the system clock).</summary>
        public Func<DateTime> UtcNow { get; }

        /// <summary>What was wrong with the configuration (each problem fell back to its default); for the trace.</summary>
        public IReadOnlyList<string> Diagnostics { get; }

        /// <summary>
        /// Reads <c>{"timeZone": "W. Europe Standard Time", "endOfBusinessDay": "17:00"}</c> with the tolerant JSON
        /// reader. Both keys are optional (any casing). Never throws: unreadable JSON, an unknown time zone or an end of
        /// day that is not a time between 00:00 and 24:00 fall back to UTC / 17:00 with a diagnostic.
        /// </summary>
        public static NurtureOptions Parse(string? unsecureConfiguration, Func<DateTime>? utcNow = null)
        {
            var diagnostics = new List<string>();
            if (string.IsNullOrWhiteSpace(unsecureConfiguration)) return new NurtureOptions(null, utcNow, diagnostics);

            var parsed = TolerantJson.Parse(unsecureConfiguration);
            var root = parsed.Root as JsonObject;
            if (root == null)
            {
                diagnostics.Add("Configuration is not a JSON object; business days are counted in UTC, due at 17:00.");
                return new NurtureOptions(null, utcNow, diagnostics);
            }
            if (!parsed.IsClean)
                diagnostics.Add("Configuration JSON was repaired: " + string.Join("; ", parsed.Diagnostics) + ".");

            var timeZoneId = root.GetText(TimeZoneKey);
            TimeSpan? endOfDay = null;
            var endText = root.GetText(EndOfBusinessDayKey);
            if (endText != null)
            {
                if (TryParseTimeOfDay(endText, out var end)) endOfDay = end;
                else diagnostics.Add("End of business day '" + endText + "' is not a time like 17:00; 17:00 is used.");
            }

            var resolution = BusinessCalendar.FromTimeZoneId(timeZoneId, endOfDay);
            if (resolution.Diagnostic != null) diagnostics.Add(resolution.Diagnostic);
            return new NurtureOptions(resolution.Calendar, utcNow, diagnostics);
        }

        private static bool TryParseTimeOfDay(string text, out TimeSpan value)
        {
            var trimmed = text.Trim();
            // "17:00", "17:30:00"; a bare hour like "17" would read as 17 days, so it needs the colon.
            if (trimmed.IndexOf(':') > 0
                && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value)
                && value > TimeSpan.Zero && value < TimeSpan.FromDays(1))
                return true;
            value = TimeSpan.Zero;
            return false;
        }
    }
}
