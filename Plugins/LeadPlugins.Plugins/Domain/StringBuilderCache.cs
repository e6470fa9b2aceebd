using System;
using System.Text;

namespace LeadPlugins.Plugins.Domain
{
    /// <summary>
    /// One <see cref="StringBuilder"/> per thread for text that is built and then turned into a string (trace lines, a
    /// lead's summary, a plan's rendered templates), like the framework's own internal StringBuilderCache: <see cref="Acquire"/>
    /// takes the thread's builder, emptied (or makes one when it is in use or too small), and
    /// <see cref="GetStringAndRelease"/> or <see cref="Release"/> gives it back. Plug-in instances are shared between
    /// threads, so the builder is kept per thread, never in an instance field. A builder that is not given back (an
    /// exception on the way) is only garbage: the next <see cref="Acquire"/> makes a new one.
    /// </summary>
    internal static class StringBuilderCache
    {
        /// <summary>Builders larger than this (in characters) are not kept.</summary>
        internal const int MaxBuilderSize = 4096;

        [ThreadStatic]
        private static StringBuilder? t_cached;

        public static StringBuilder Acquire(int capacity = 256)
        {
            if (capacity <= MaxBuilderSize)
            {
                var cached = t_cached;
                if (cached != null && capacity <= cached.Capacity)
                {
                    t_cached = null;
                    return cached.Clear();
                }
            }
            return new StringBuilder(capacity);
        }

        public static void Release(StringBuilder builder)
        {
            if (builder.Capacity <= MaxBuilderSize) t_cached = builder;
        }

        public static string GetStringAndRelease(StringBuilder builder)
        {
            var text = builder.ToString();
            Release(builder);
            return text;
        }
    }
}
