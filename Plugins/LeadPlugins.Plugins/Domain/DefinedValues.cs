using System;

namespace LeadPlugins.Plugins.Domain
{
    /// <summary>
    /// <c>Enum.IsDefined(typeof(T), value)</c> without boxing the value (the framework's takes an object), and the
    /// values' names: the enum's defined values, read once per type. For the checks and trace lines that run for every
    /// lead (each planned step, each rendered token, each enrichment trace).
    /// </summary>
    internal static class DefinedValues<T> where T : struct, Enum
    {
        private static readonly T[] Values = (T[])Enum.GetValues(typeof(T));
        private static readonly string[] Names = Array.ConvertAll(Values, value => value.ToString());

        public static bool Contains(T value) => Array.IndexOf(Values, value) >= 0;

        /// <summary><c>value.ToString()</c>: a defined value's name without the framework's lookup, any other value formatted as before.</summary>
        public static string Name(T value)
        {
            var index = Array.IndexOf(Values, value);
            return index >= 0 ? Names[index] : value.ToString();
        }
    }
}
