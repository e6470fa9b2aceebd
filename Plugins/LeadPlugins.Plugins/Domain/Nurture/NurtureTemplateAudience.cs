namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Who reads a rendered text: picks the words used when a lead value is missing ("your company" vs "the company").</summary>
    public enum NurtureTemplateAudience
    {
        /// <summary>The customer: e-mail drafts.</summary>
        Customer,
        /// <summary>The seller: tasks and phone calls.</summary>
        Seller,
    }
}
