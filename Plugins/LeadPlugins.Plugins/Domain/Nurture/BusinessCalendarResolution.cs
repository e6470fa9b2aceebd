using System;
using System.Globalization;
using System.Security;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>A calendar built from configuration, plus what went wrong with that configuration (if anything).</summary>
    public sealed class BusinessCalendarResolution
    {
        public BusinessCalendarResolution(BusinessCalendar calendar, string? diagnostic)
        {
            Calendar = calendar;
            Diagnostic = diagnostic;
        }

        public BusinessCalendar Calendar { get; }
        /// <summary>Null when the configuration was used as given; else a line for the trace.</summary>
        public string? Diagnostic { get; }
    }
}
