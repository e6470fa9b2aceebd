using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services
{
    /// <summary>Small SDK helpers the services share: typed reads that tolerate aliased values, paging, fault codes.</summary>
    internal static class DataverseValues
    {
        /// <summary>Error code of "Cannot insert duplicate key" (a row with this id exists).</summary>
        public const int DuplicateRecord = -2147220937;
        /// <summary>Error code of a duplicate alternate key (here: another enrolment already has this mpl_leadid).</summary>
        public const int DuplicateRecordEntityKey = -2147088238;

        /// <summary>The most rows one page returns; larger results are paged with the cookie.</summary>
        public const int PageSize = 5000;

        public static object? Raw(Entity entity, string column)
        {
            if (entity == null || !entity.Attributes.TryGetValue(column, out var value)) return null;
            return value is AliasedValue aliased ? aliased.Value : value;
        }

        public static int? Int(Entity entity, string column) => Raw(entity, column) is int i ? i : (int?)null;

        public static int? Option(Entity entity, string column) => Raw(entity, column) switch
        {
            OptionSetValue option => option.Value,
            int number => number,
            _ => (int?)null,
        };

        public static bool? Bool(Entity entity, string column) => Raw(entity, column) is bool b ? b : (bool?)null;

        public static string? Text(Entity entity, string column) => Raw(entity, column) as string;

        public static DateTime? Date(Entity entity, string column) => Raw(entity, column) is DateTime d ? d : (DateTime?)null;

        public static EntityReference? Reference(Entity entity, string column) => Raw(entity, column) switch
        {
            EntityReference reference => reference,
            Guid id when id != Guid.Empty => new EntityReference(string.Empty, id),
            _ => null,
        };

        public static Guid? ReferenceId(Entity entity, string column)
        {
            var reference = Reference(entity, column);
            return reference == null || reference.Id == Guid.Empty ? (Guid?)null : reference.Id;
        }

        public static List<int> Options(Entity entity, string column)
        {
            var values = new List<int>();
            if (Raw(entity, column) is OptionSetValueCollection options)
                foreach (var option in options)
                    if (option != null) values.Add(option.Value);
            return values;
        }

        /// <summary>Every row of the query, following the paging cookie (one request per page of 5,000 rows).</summary>
        public static List<Entity> RetrieveAll(IOrganizationService service, QueryExpression query)
        {
            var rows = new List<Entity>();
            query.PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 };
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                rows.AddRange(page.Entities);
                if (!page.MoreRecords) return rows;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        /// <summary>A condition "column in (ids)"; ids as separate values, as the server expects.</summary>
        public static ConditionExpression In(string column, ICollection<Guid> ids)
        {
            var values = new object[ids.Count];
            var i = 0;
            foreach (var id in ids) values[i++] = id;
            return new ConditionExpression(column, ConditionOperator.In, values);
        }

        public static int? ErrorCode(FaultException<OrganizationServiceFault> fault) => fault?.Detail?.ErrorCode;

        public static DateTime Utc(DateTime value) => value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };

        /// <summary>A date in a trace line: "yyyy-MM-dd HH:mm UTC", or "(none)".</summary>
        public static string TraceDate(DateTime? value) =>
            value.HasValue ? Utc(value.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "(none)";

        /// <summary>
        /// <see cref="TraceDate"/> appended to <paramref name="text"/>: the date's digits written into it, without the
        /// format string's parse and the boxed date of AppendFormat (once per enrolled lead).
        /// </summary>
        public static StringBuilder AppendTraceDate(StringBuilder text, DateTime? value)
        {
            if (!value.HasValue) return text.Append("(none)");
            var utc = Utc(value.Value);
            AppendDigits(text, utc.Year, 4).Append('-');
            AppendDigits(text, utc.Month, 2).Append('-');
            AppendDigits(text, utc.Day, 2).Append(' ');
            AppendDigits(text, utc.Hour, 2).Append(':');
            return AppendDigits(text, utc.Minute, 2).Append(" UTC");
        }

        // A non-negative number in exactly 'digits' digits, zeros first (the "yyyy", "MM" ... of a date: years have four).
        private static StringBuilder AppendDigits(StringBuilder text, int number, int digits)
        {
            var unit = 1;
            for (var i = 1; i < digits; i++) unit *= 10;
            for (; unit > 0; unit /= 10) text.Append((char)('0' + number / unit % 10));
            return text;
        }
    }
}
