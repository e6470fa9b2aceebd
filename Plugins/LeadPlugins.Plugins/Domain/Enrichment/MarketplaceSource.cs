using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>The source code as the marketplace sent it, before it is mapped to a <see cref="Storefront"/>.</summary>
    public enum MarketplaceSource
    {
        /// <summary>No source found.</summary>
        None = 0,
        /// <summary><c>AzureMarketplace</c> (also the download label "Azure Marketplace").</summary>
        AzureMarketplace,
        /// <summary><c>AzurePortal</c> (also "Azure portal"): counts as the Azure Marketplace storefront.</summary>
        AzurePortal,
        /// <summary><c>AppSource (SPZA)</c>, <c>SPZA</c>, <c>AppSource</c>, "Appsource".</summary>
        AppSource,
        /// <summary><c>TestDrive</c> (2018-era source): the storefront comes from the offer catalogue.</summary>
        TestDrive,
        /// <summary>A <c>MSFT_TEST_&lt;ticks&gt;</c> token in place of the source (Partner Center validation lead).</summary>
        TestToken,
        /// <summary>Text in the source position that is no known code; the raw text is kept.</summary>
        Unknown,
    }
}
