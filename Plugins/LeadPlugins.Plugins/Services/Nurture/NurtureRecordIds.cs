using System;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// Deterministic ids (RFC 4122 version 5, SHA-1) of the rows enrolment creates: the enrolment from the lead id,
    /// each step activity from the lead id and the step order. A retried or replayed enrolment therefore addresses the
    /// same rows; creating one that exists fails with "duplicate key" instead of adding a copy.
    /// </summary>
    public static class NurtureRecordIds
    {
        /// <summary>Namespace of nurture record ids: never change it, or retries of older jobs would create copies.</summary>
        public static readonly Guid Namespace = new Guid("6f0b8f3e-5d3a-4c7e-a2b9-1e4d7c9a0b51");

        /// <summary>mpl_nurtureenrollmentid of the lead's enrolment (one per lead, like the mpl_leadid alternate key).</summary>
        public static Guid Enrollment(Guid leadId) => Create(Namespace, "enrollment|" + leadId.ToString("D"));

        /// <summary>activityid of the activity the step with this order schedules for the lead.</summary>
        public static Guid Activity(Guid leadId, int stepOrder) =>
            Create(Namespace, "activity|" + leadId.ToString("D") + "|" + stepOrder.ToString(CultureInfo.InvariantCulture));

        public static Guid Create(Guid namespaceId, string name)
        {
            var namespaceBytes = namespaceId.ToByteArray();
            SwapToNetworkOrder(namespaceBytes);
            var hash = Sha1Digest.Compute(namespaceBytes, Encoding.UTF8.GetBytes(name ?? string.Empty));
            var result = new byte[16];
            Array.Copy(hash, result, 16);
            result[6] = (byte)((result[6] & 0x0F) | 0x50);
            result[8] = (byte)((result[8] & 0x3F) | 0x80);
            SwapToNetworkOrder(result);
            return new Guid(result);
        }

        // Guid.ToByteArray is little-endian in its first three fields; RFC 4122 hashes the big-endian form.
        private static void SwapToNetworkOrder(byte[] guid)
        {
            Swap(guid, 0, 3);
            Swap(guid, 1, 2);
            Swap(guid, 4, 5);
            Swap(guid, 6, 7);
        }

        private static void Swap(byte[] bytes, int a, int b)
        {
            var t = bytes[a];
            bytes[a] = bytes[b];
            bytes[b] = t;
        }
    }
}
