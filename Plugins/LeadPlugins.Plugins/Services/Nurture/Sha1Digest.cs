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
            uint h0 = 0x67452301, h1 = 0xEFCDAB89, h2 = 0x98BADCFE, h3 = 0x10325476, h4 = 0xC3D2E1F0;
            var bitLength = (ulong)data.Length * 8;
            var paddedLength = ((data.Length + 8) / 64 + 1) * 64; // message, 0x80, zeros, 64-bit length
            var w = new uint[80];
            for (var block = 0; block < paddedLength; block += 64)
            {
                for (var i = 0; i < 16; i++)
                {
                    uint word = 0;
                    for (var b = 0; b < 4; b++) word = (word << 8) | PaddedByte(data, block + i * 4 + b, paddedLength, bitLength);
                    w[i] = word;
                }
                for (var i = 16; i < 80; i++) w[i] = RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
                uint a = h0, b1 = h1, c = h2, d = h3, e = h4;
                for (var i = 0; i < 80; i++)
                {
                    uint f, k;
                    if (i < 20) { f = (b1 & c) | (~b1 & d); k = 0x5A827999; }
                    else if (i < 40) { f = b1 ^ c ^ d; k = 0x6ED9EBA1; }
                    else if (i < 60) { f = (b1 & c) | (b1 & d) | (c & d); k = 0x8F1BBCDC; }
                    else { f = b1 ^ c ^ d; k = 0xCA62C1D6; }
                    var t = RotateLeft(a, 5) + f + e + k + w[i];
                    e = d;
                    d = c;
                    c = RotateLeft(b1, 30);
                    b1 = a;
                    a = t;
                }
                h0 += a;
                h1 += b1;
                h2 += c;
                h3 += d;
                h4 += e;
            }
            var digest = new byte[20];
            Write(digest, 0, h0);
            Write(digest, 4, h1);
            Write(digest, 8, h2);
            Write(digest, 12, h3);
            Write(digest, 16, h4);
            return digest;
        }

        private static uint PaddedByte(byte[] data, int index, int paddedLength, ulong bitLength)
        {
            if (index < data.Length) return data[index];
            if (index == data.Length) return 0x80;
            var fromEnd = paddedLength - 1 - index;
            return fromEnd < 8 ? (uint)(byte)(bitLength >> (fromEnd * 8)) : 0u;
        }

        private static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));

        private static void Write(byte[] digest, int at, uint word)
        {
            digest[at] = (byte)(word >> 24);
            digest[at + 1] = (byte)(word >> 16);
            digest[at + 2] = (byte)(word >> 8);
            digest[at + 3] = (byte)word;
        }
    }
}
