namespace LeadPlugins.Plugins.Domain
{
    /// <summary>lead.leadqualitycode (system choice: 1 Hot, 2 Warm, 3 Cold).</summary>
    public enum Rating
    {
        Hot = 1,
        Warm = 2,
        Cold = 3,
    }
}
