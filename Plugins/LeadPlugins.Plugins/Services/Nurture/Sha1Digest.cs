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
            ComputeInPlace(buffer, data.Length);
            var digest = new byte[DigestLength];
            Buffer.BlockCopy(buffer, 0, digest, 0, DigestLength);
            return digest;
        }

        public const int DigestLength = 20;

        /// <summary>Bytes a message of this length takes with its padding: whole 64-byte blocks.</summary>
        public static int PaddedLength(int messageLength) => ((messageLength + 8) / 64 + 1) * 64;

        /// <summary>
        /// SHA-1 without copies: <paramref name="buffer"/> holds the message in its first <paramref name="messageLength"/>
        /// bytes, zeros after it, and is <see cref="PaddedLength"/> long. The padding is written into it, and the
        /// 20-byte digest over its first bytes.
        /// </summary>
        public static void ComputeInPlace(byte[] buffer, int messageLength) => ComputeInPlace(buffer, messageLength, new uint[16]);

        /// <summary>
        /// <see cref="ComputeInPlace(byte[], int)"/> with <paramref name="schedule"/> (16 words, any content) as the
        /// message schedule's ring: each block writes all 16 words before reading any, so one array serves many hashes.
        /// </summary>
        public static void ComputeInPlace(byte[] buffer, int messageLength, uint[] schedule)
        {
            // The message, 0x80, zeros, and its length in bits as a big-endian 64-bit number.
            buffer[messageLength] = 0x80;
            var bitLength = (ulong)messageLength * 8;
            for (var i = 0; i < 8; i++) buffer[buffer.Length - 1 - i] = (byte)(bitLength >> (i * 8));

            uint h0 = 0x67452301, h1 = 0xEFCDAB89, h2 = 0x98BADCFE, h3 = 0x10325476, h4 = 0xC3D2E1F0;
            // The message schedule as a ring of 16 words (FIPS 180-4 section 6.1.3): word i replaces word i - 16.
            var w = schedule;
            for (var block = 0; block < buffer.Length; block += 64)
            {
                for (var i = 0; i < 16; i++)
                {
                    var at = block + i * 4;
                    w[i] = ((uint)buffer[at] << 24) | ((uint)buffer[at + 1] << 16) | ((uint)buffer[at + 2] << 8) | buffer[at + 3];
                }
                uint a = h0, b = h1, c = h2, d = h3, e = h4;
                // Five rounds per pass, the variables' roles rotating instead of their values moving (FIPS 180-4 section
                // 6.1.2 step 3 as usual in SHA-1 code): after five rounds each variable is back in its role.
                for (var i = 0; i < 20; i += 5)
                {
                    e += RotateLeft(a, 5) + Choose(b, c, d) + 0x5A827999 + FirstWord(w, i); b = RotateLeft(b, 30);
                    d += RotateLeft(e, 5) + Choose(a, b, c) + 0x5A827999 + FirstWord(w, i + 1); a = RotateLeft(a, 30);
                    c += RotateLeft(d, 5) + Choose(e, a, b) + 0x5A827999 + FirstWord(w, i + 2); e = RotateLeft(e, 30);
                    b += RotateLeft(c, 5) + Choose(d, e, a) + 0x5A827999 + FirstWord(w, i + 3); d = RotateLeft(d, 30);
                    a += RotateLeft(b, 5) + Choose(c, d, e) + 0x5A827999 + FirstWord(w, i + 4); c = RotateLeft(c, 30);
                }
                for (var i = 20; i < 40; i += 5)
                {
                    e += RotateLeft(a, 5) + (b ^ c ^ d) + 0x6ED9EBA1 + Schedule(w, i); b = RotateLeft(b, 30);
                    d += RotateLeft(e, 5) + (a ^ b ^ c) + 0x6ED9EBA1 + Schedule(w, i + 1); a = RotateLeft(a, 30);
                    c += RotateLeft(d, 5) + (e ^ a ^ b) + 0x6ED9EBA1 + Schedule(w, i + 2); e = RotateLeft(e, 30);
                    b += RotateLeft(c, 5) + (d ^ e ^ a) + 0x6ED9EBA1 + Schedule(w, i + 3); d = RotateLeft(d, 30);
                    a += RotateLeft(b, 5) + (c ^ d ^ e) + 0x6ED9EBA1 + Schedule(w, i + 4); c = RotateLeft(c, 30);
                }
                for (var i = 40; i < 60; i += 5)
                {
                    e += RotateLeft(a, 5) + Majority(b, c, d) + 0x8F1BBCDC + Schedule(w, i); b = RotateLeft(b, 30);
                    d += RotateLeft(e, 5) + Majority(a, b, c) + 0x8F1BBCDC + Schedule(w, i + 1); a = RotateLeft(a, 30);
                    c += RotateLeft(d, 5) + Majority(e, a, b) + 0x8F1BBCDC + Schedule(w, i + 2); e = RotateLeft(e, 30);
                    b += RotateLeft(c, 5) + Majority(d, e, a) + 0x8F1BBCDC + Schedule(w, i + 3); d = RotateLeft(d, 30);
                    a += RotateLeft(b, 5) + Majority(c, d, e) + 0x8F1BBCDC + Schedule(w, i + 4); c = RotateLeft(c, 30);
                }
                for (var i = 60; i < 80; i += 5)
                {
                    e += RotateLeft(a, 5) + (b ^ c ^ d) + 0xCA62C1D6 + Schedule(w, i); b = RotateLeft(b, 30);
                    d += RotateLeft(e, 5) + (a ^ b ^ c) + 0xCA62C1D6 + Schedule(w, i + 1); a = RotateLeft(a, 30);
                    c += RotateLeft(d, 5) + (e ^ a ^ b) + 0xCA62C1D6 + Schedule(w, i + 2); e = RotateLeft(e, 30);
                    b += RotateLeft(c, 5) + (d ^ e ^ a) + 0xCA62C1D6 + Schedule(w, i + 3); d = RotateLeft(d, 30);
                    a += RotateLeft(b, 5) + (c ^ d ^ e) + 0xCA62C1D6 + Schedule(w, i + 4); c = RotateLeft(c, 30);
                }
                h0 += a;
                h1 += b;
                h2 += c;
                h3 += d;
                h4 += e;
            }
            Write(buffer, 0, h0);
            Write(buffer, 4, h1);
            Write(buffer, 8, h2);
            Write(buffer, 12, h3);
            Write(buffer, 16, h4);
        }

        // The helpers are forced inline: the JIT left Schedule a call in every round, most of the hash's time.
        // Word i of the schedule: the block's own words for rounds 0-15, then Schedule's.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint FirstWord(uint[] w, int i) => i < 16 ? w[i] : Schedule(w, i);

        // Word i (16 to 79) of the schedule, made from four earlier ones in place of word i - 16.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Schedule(uint[] w, int i)
        {
            var word = RotateLeft(w[(i - 3) & 15] ^ w[(i - 8) & 15] ^ w[(i - 14) & 15] ^ w[i & 15], 1);
            w[i & 15] = word;
            return word;
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
