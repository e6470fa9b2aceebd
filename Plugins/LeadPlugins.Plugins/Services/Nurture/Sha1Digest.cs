using System;
using System.Runtime.CompilerServices;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// SHA-1 (FIPS 180-4) of a short byte string, for the name-based ids of <see cref="NurtureRecordIds"/>. The
    /// platform's hash objects cost more to set up than to hash the 60 bytes of an id (on .NET a tenth of a simulated
    /// lead went there), and this one gives the same digest in the sandbox and on .NET; tests compare it with the
    /// framework's SHA-1. An identifier, not security.
    /// </summary>
    internal static class Sha1Digest
    {
        public static byte[] Compute(byte[] data)
        {
            var buffer = new byte[PaddedLength(data.Length)];
            Buffer.BlockCopy(data, 0, buffer, 0, data.Length);
            // With the shared padding block where there is one, so the tests check both ways of hashing the last block.
            ComputeInPlace(buffer, data.Length, new uint[ScheduleLength], PaddingBlockSchedule(data.Length));
            var digest = new byte[DigestLength];
            Buffer.BlockCopy(buffer, 0, digest, 0, DigestLength);
            return digest;
        }

        public const int DigestLength = 20;

        /// <summary>Words of one block's message schedule (FIPS 180-4 section 6.1.2 step 1), one per round.</summary>
        public const int ScheduleLength = 80;

        /// <summary>Bytes a message of this length takes with its padding: whole 64-byte blocks.</summary>
        public static int PaddedLength(int messageLength) => ((messageLength + 8) / 64 + 1) * 64;

        /// <summary>
        /// The schedule of the last block when it holds only padding (zeros and the length: messages of 56 to 63 bytes
        /// past a block boundary, such as the 63 of a nurture id), else null. It depends on the length alone, so ids of one
        /// length share it instead of expanding that block for each.
        /// </summary>
        public static uint[]? PaddingBlockSchedule(int messageLength)
        {
            if (messageLength % 64 < 56) return null;
            // The block's words: 14 zeros, then the length in bits (big-endian 64-bit).
            var schedule = new uint[ScheduleLength];
            var bitLength = (ulong)messageLength * 8;
            schedule[14] = (uint)(bitLength >> 32);
            schedule[15] = (uint)bitLength;
            ExtendSchedule(schedule);
            return schedule;
        }

        /// <summary>
        /// SHA-1 without copies: <paramref name="buffer"/> holds the message in its first <paramref name="messageLength"/>
        /// bytes, zeros after it, and is <see cref="PaddedLength"/> long. The padding is written into it, and the
        /// 20-byte digest over its first bytes. <paramref name="schedule"/> (<see cref="ScheduleLength"/> words, any
        /// content) is the blocks' message schedule, so one array serves many hashes; <paramref name="paddingBlock"/> is
        /// <see cref="PaddingBlockSchedule"/> of the length (null: the last block is expanded like the others).
        /// </summary>
        public static void ComputeInPlace(byte[] buffer, int messageLength, uint[] schedule, uint[]? paddingBlock)
        {
            // The message, 0x80, zeros, and its length in bits as a big-endian 64-bit number.
            buffer[messageLength] = 0x80;
            var bitLength = (ulong)messageLength * 8;
            for (var i = 0; i < 8; i++) buffer[buffer.Length - 1 - i] = (byte)(bitLength >> (i * 8));

            var h = new State { H0 = 0x67452301, H1 = 0xEFCDAB89, H2 = 0x98BADCFE, H3 = 0x10325476, H4 = 0xC3D2E1F0 };
            var lastBlock = buffer.Length - 64;
            for (var block = 0; block < buffer.Length; block += 64)
            {
                if (block == lastBlock && paddingBlock != null)
                {
                    Compress(ref h, paddingBlock);
                    continue;
                }
                Expand(buffer, block, schedule);
                Compress(ref h, schedule);
            }
            Write(buffer, 0, h.H0);
            Write(buffer, 4, h.H1);
            Write(buffer, 8, h.H2);
            Write(buffer, 12, h.H3);
            Write(buffer, 16, h.H4);
        }

        // The hash value between blocks (FIPS 180-4 section 6.1.2).
        private struct State
        {
            public uint H0, H1, H2, H3, H4;
        }

        // The 80-word message schedule of the 64-byte block at 'block' (FIPS 180-4 section 6.1.2 step 1).
        private static void Expand(byte[] buffer, int block, uint[] w)
        {
            if (w.Length < ScheduleLength) throw new ArgumentException("The schedule needs " + ScheduleLength + " words.", nameof(w));
            for (var i = 0; i < 16; i++)
            {
                var at = block + i * 4;
                w[i] = ((uint)buffer[at] << 24) | ((uint)buffer[at + 1] << 16) | ((uint)buffer[at + 2] << 8) | buffer[at + 3];
            }
            ExtendSchedule(w);
        }

        // Words 16 to 79 of a schedule from its first 16, the block's own words.
        private static void ExtendSchedule(uint[] w)
        {
            for (var i = 16; i < ScheduleLength; i++) w[i] = RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        }

        // The 80 rounds of one block (FIPS 180-4 section 6.1.2 steps 2 to 4).
        private static void Compress(ref State h, uint[] w)
        {
            // Checked once: the rounds' reads below need no check of their own.
            if (w.Length < ScheduleLength) throw new ArgumentException("The schedule needs " + ScheduleLength + " words.", nameof(w));
            uint a = h.H0, b = h.H1, c = h.H2, d = h.H3, e = h.H4;
            // Five rounds per pass, the variables' roles rotating instead of their values moving (FIPS 180-4 section
            // 6.1.2 step 3 as usual in SHA-1 code): after five rounds each variable is back in its role.
            for (var i = 0; i < 20; i += 5)
            {
                e += RotateLeft(a, 5) + Choose(b, c, d) + 0x5A827999 + w[i]; b = RotateLeft(b, 30);
                d += RotateLeft(e, 5) + Choose(a, b, c) + 0x5A827999 + w[i + 1]; a = RotateLeft(a, 30);
                c += RotateLeft(d, 5) + Choose(e, a, b) + 0x5A827999 + w[i + 2]; e = RotateLeft(e, 30);
                b += RotateLeft(c, 5) + Choose(d, e, a) + 0x5A827999 + w[i + 3]; d = RotateLeft(d, 30);
                a += RotateLeft(b, 5) + Choose(c, d, e) + 0x5A827999 + w[i + 4]; c = RotateLeft(c, 30);
            }
            for (var i = 20; i < 40; i += 5)
            {
                e += RotateLeft(a, 5) + (b ^ c ^ d) + 0x6ED9EBA1 + w[i]; b = RotateLeft(b, 30);
                d += RotateLeft(e, 5) + (a ^ b ^ c) + 0x6ED9EBA1 + w[i + 1]; a = RotateLeft(a, 30);
                c += RotateLeft(d, 5) + (e ^ a ^ b) + 0x6ED9EBA1 + w[i + 2]; e = RotateLeft(e, 30);
                b += RotateLeft(c, 5) + (d ^ e ^ a) + 0x6ED9EBA1 + w[i + 3]; d = RotateLeft(d, 30);
                a += RotateLeft(b, 5) + (c ^ d ^ e) + 0x6ED9EBA1 + w[i + 4]; c = RotateLeft(c, 30);
            }
            for (var i = 40; i < 60; i += 5)
            {
                e += RotateLeft(a, 5) + Majority(b, c, d) + 0x8F1BBCDC + w[i]; b = RotateLeft(b, 30);
                d += RotateLeft(e, 5) + Majority(a, b, c) + 0x8F1BBCDC + w[i + 1]; a = RotateLeft(a, 30);
                c += RotateLeft(d, 5) + Majority(e, a, b) + 0x8F1BBCDC + w[i + 2]; e = RotateLeft(e, 30);
                b += RotateLeft(c, 5) + Majority(d, e, a) + 0x8F1BBCDC + w[i + 3]; d = RotateLeft(d, 30);
                a += RotateLeft(b, 5) + Majority(c, d, e) + 0x8F1BBCDC + w[i + 4]; c = RotateLeft(c, 30);
            }
            for (var i = 60; i < 80; i += 5)
            {
                e += RotateLeft(a, 5) + (b ^ c ^ d) + 0xCA62C1D6 + w[i]; b = RotateLeft(b, 30);
                d += RotateLeft(e, 5) + (a ^ b ^ c) + 0xCA62C1D6 + w[i + 1]; a = RotateLeft(a, 30);
                c += RotateLeft(d, 5) + (e ^ a ^ b) + 0xCA62C1D6 + w[i + 2]; e = RotateLeft(e, 30);
                b += RotateLeft(c, 5) + (d ^ e ^ a) + 0xCA62C1D6 + w[i + 3]; d = RotateLeft(d, 30);
                a += RotateLeft(b, 5) + (c ^ d ^ e) + 0xCA62C1D6 + w[i + 4]; c = RotateLeft(c, 30);
            }
            h.H0 += a;
            h.H1 += b;
            h.H2 += c;
            h.H3 += d;
            h.H4 += e;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Choose(uint x, uint y, uint z) => (x & y) | (~x & z);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Majority(uint x, uint y, uint z) => (x & y) | (x & z) | (y & z);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Write(byte[] digest, int at, uint word)
        {
            digest[at] = (byte)(word >> 24);
            digest[at + 1] = (byte)(word >> 16);
            digest[at + 2] = (byte)(word >> 8);
            digest[at + 3] = (byte)word;
        }
    }
}
