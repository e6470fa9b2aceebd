using System;

namespace LeadPlugins.Plugins.Domain
{
    /// <summary>
    /// <c>Enum.IsDefined(typeof(T), value)</c> without boxing the value (the framework's takes an object): the enum's
    /// defined values, read once per type. For the checks that run for every lead (each planned step, each rendered token).
    /// </summary>
    internal static class DefinedValues<T> where T : struct, Enum
    {
        private static readonly T[] Values = (T[])Enum.GetValues(typeof(T));

        public static bool Contains(T value) => Array.IndexOf(Values, value) >= 0;
    }
}
