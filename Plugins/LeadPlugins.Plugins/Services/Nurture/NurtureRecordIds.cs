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

        private const string EnrollmentPrefix = "enrollment|";
        private const string ActivityPrefix = "activity|";
        private const int GuidTextLength = 36;
        private const byte StepSeparator = (byte)'|';

        // Namespace's bytes in network order, as every id's hash starts with them (never written after this).
        private static readonly byte[] NamespaceInNetworkOrder = NetworkOrder(Namespace);

        /// <summary>mpl_nurtureenrollmentid of the lead's enrolment (one per lead, like the mpl_leadid alternate key).</summary>
        public static Guid Enrollment(Guid leadId) => new Buffers().Enrollment(leadId);

        /// <summary>activityid of the activity the step with this order schedules for the lead.</summary>
        public static Guid Activity(Guid leadId, int stepOrder) => new Buffers().Activity(leadId, stepOrder);

        /// <summary>
        /// The same ids, made in one message buffer and one SHA-1 schedule instead of two new arrays per id: for a writer
        /// that makes an enrolment's id and its activities' ids in a row. One execution's, like the writer: not shared.
        /// </summary>
        internal sealed class Buffers
        {
            private readonly uint[] _schedule = new uint[Sha1Digest.ScheduleLength];
            private byte[]? _message;
            // Every id of a lead has the same length, whose last block is only padding: its schedule is expanded once.
            private uint[]? _paddingBlock;
            private int _paddingBlockLength = -1;

            public Guid Enrollment(Guid leadId) => FromLeadName(EnrollmentPrefix, leadId, null, this);

            public Guid Activity(Guid leadId, int stepOrder) =>
                FromLeadName(ActivityPrefix, leadId, stepOrder.ToString(CultureInfo.InvariantCulture), this);

            internal uint[] Schedule => _schedule;

            /// <summary><see cref="Sha1Digest.PaddingBlockSchedule"/> of the length, made once for the last length asked.</summary>
            internal uint[]? PaddingBlock(int messageLength)
            {
                if (messageLength != _paddingBlockLength)
                {
                    _paddingBlock = Sha1Digest.PaddingBlockSchedule(messageLength);
                    _paddingBlockLength = messageLength;
                }
                return _paddingBlock;
            }

            // Zeroed: the hash expects zeros after the message. Every id of a lead has the same padded length.
            internal byte[] Message(int paddedLength)
            {
                if (_message == null || _message.Length != paddedLength) return _message = new byte[paddedLength];
                Array.Clear(_message, 0, _message.Length);
                return _message;
            }
        }

        public static Guid Create(Guid namespaceId, string name)
        {
            name = name ?? string.Empty;
            // RFC 4122 section 4.3: SHA-1 of the namespace id in network order followed by the name in UTF-8.
            var length = 16 + Encoding.UTF8.GetByteCount(name);
            var message = new byte[Sha1Digest.PaddedLength(length)];
            WriteNetworkOrder(namespaceId, message, 0);
            Encoding.UTF8.GetBytes(name, 0, name.Length, message, 16);
            return FromDigest(message, length, new uint[Sha1Digest.ScheduleLength], null);
        }

        // Create(Namespace, prefix + leadId.ToString("D") [+ "|" + step]) with the ASCII name written straight into the
        // hash's buffer: no name string, no separate message and padding arrays.
        private static Guid FromLeadName(string prefix, Guid leadId, string? step, Buffers buffers)
        {
            var length = 16 + prefix.Length + GuidTextLength + (step == null ? 0 : 1 + step.Length);
            var message = buffers.Message(Sha1Digest.PaddedLength(length));
            Buffer.BlockCopy(NamespaceInNetworkOrder, 0, message, 0, 16);
            var at = WriteAscii(prefix, message, 16);
            // The "D" text: the network-order bytes in lower-case hex, with hyphens after bytes 4, 6, 8 and 10.
            var bytes = leadId.ToByteArray();
            for (var i = 0; i < 16; i++)
            {
                if (i == 4 || i == 6 || i == 8 || i == 10) message[at++] = (byte)'-';
                var value = bytes[NetworkOrderIndex(i)];
                message[at++] = HexDigit(value >> 4);
                message[at++] = HexDigit(value & 0xF);
            }
            if (step != null)
            {
                message[at++] = StepSeparator;
                WriteAscii(step, message, at);
            }
            return FromDigest(message, length, buffers.Schedule, buffers.PaddingBlock(length));
        }

        private static Guid FromDigest(byte[] message, int length, uint[] schedule, uint[]? paddingBlock)
        {
            Sha1Digest.ComputeInPlace(message, length, schedule, paddingBlock);
            var hash = message;
            // The first 16 bytes of the hash, read in network order, with the version (5) and the variant (10xx).
            return new Guid(
                (hash[0] << 24) | (hash[1] << 16) | (hash[2] << 8) | hash[3],
                (short)((hash[4] << 8) | hash[5]),
                (short)((((hash[6] & 0x0F) | 0x50) << 8) | hash[7]),
                (byte)((hash[8] & 0x3F) | 0x80), hash[9], hash[10], hash[11], hash[12], hash[13], hash[14], hash[15]);
        }

        private static int WriteAscii(string text, byte[] target, int at)
        {
            for (var i = 0; i < text.Length; i++) target[at++] = (byte)text[i];
            return at;
        }

        private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);

        private static byte[] NetworkOrder(Guid id)
        {
            var bytes = new byte[16];
            WriteNetworkOrder(id, bytes, 0);
            return bytes;
        }

        // Guid.ToByteArray is little-endian in its first three fields; RFC 4122 hashes the big-endian form.
        private static void WriteNetworkOrder(Guid id, byte[] target, int at)
        {
            var bytes = id.ToByteArray();
            for (var i = 0; i < 16; i++) target[at + i] = bytes[NetworkOrderIndex(i)];
        }

        // Where byte i of the network (big-endian) order is in Guid.ToByteArray.
        private static int NetworkOrderIndex(int i) => i < 4 ? 3 - i : i < 6 ? 9 - i : i < 8 ? 13 - i : i;
    }
}
