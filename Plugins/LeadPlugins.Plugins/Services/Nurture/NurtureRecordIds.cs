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
            name = name ?? string.Empty;
            // RFC 4122 section 4.3: SHA-1 of the namespace id in network order followed by the name in UTF-8.
            var message = new byte[16 + Encoding.UTF8.GetByteCount(name)];
            WriteNetworkOrder(namespaceId, message);
            Encoding.UTF8.GetBytes(name, 0, name.Length, message, 16);
            var hash = Sha1Digest.Compute(message);
            // The first 16 bytes of the hash, read in network order, with the version (5) and the variant (10xx).
            return new Guid(
                (hash[0] << 24) | (hash[1] << 16) | (hash[2] << 8) | hash[3],
                (short)((hash[4] << 8) | hash[5]),
                (short)((((hash[6] & 0x0F) | 0x50) << 8) | hash[7]),
                (byte)((hash[8] & 0x3F) | 0x80), hash[9], hash[10], hash[11], hash[12], hash[13], hash[14], hash[15]);
        }

        // Guid.ToByteArray is little-endian in its first three fields; RFC 4122 hashes the big-endian form.
        private static void WriteNetworkOrder(Guid id, byte[] target)
        {
            var bytes = id.ToByteArray();
            target[0] = bytes[3];
            target[1] = bytes[2];
            target[2] = bytes[1];
            target[3] = bytes[0];
            target[4] = bytes[5];
            target[5] = bytes[4];
            target[6] = bytes[7];
            target[7] = bytes[6];
            Buffer.BlockCopy(bytes, 8, target, 8, 8);
        }
    }
}
