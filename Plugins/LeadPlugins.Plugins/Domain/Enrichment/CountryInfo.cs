using System;
using System.Collections.Generic;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>One ISO 3166-1 country.</summary>
    public sealed class CountryInfo
    {
        internal CountryInfo(string alpha2, string alpha3, string name)
        {
            Alpha2 = alpha2;
            Alpha3 = alpha3;
            Name = name;
        }

        public string Alpha2 { get; }
        public string Alpha3 { get; }
        /// <summary>ISO English short name.</summary>
        public string Name { get; }
    }
}
