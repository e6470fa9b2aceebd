using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using static LeadPlugins.Nurture.Tests.TestData;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class TemplateRendererTests
{
    [TestMethod]
    public void Every_token_is_replaced()
    {
        var result = NurtureTemplateRenderer.RenderDescription(
            "Hi {firstname} of {companyname}: {offertitle} on {storefront} ({campaigntype})", Mette());

        Assert.AreEqual("Hi Mette of Fabrikam A/S: Contoso Field Service Accelerator on AppSource (Nurture)", result.Text);
        Assert.AreEqual(0, result.UnknownTokens.Count);
        Assert.AreEqual(0, result.FallbackTokens.Count);
        Assert.IsFalse(result.WasTruncated);
    }

    [TestMethod]
    public void Token_names_ignore_case_and_spaces_inside_the_braces()
    {
        var lead = Mette();
        lead.Storefront = Storefront.AzureMarketplace;
        lead.CampaignType = CampaignType.DemandGeneration;

        var result = NurtureTemplateRenderer.RenderSubject("{FirstName}|{COMPANYNAME}|{ offerTitle }|{StoreFront}|{CampaignType}", lead);

        Assert.AreEqual("Mette|Fabrikam A/S|Contoso Field Service Accelerator|Azure Marketplace|Demand generation", result.Text);
    }

    [TestMethod]
    public void Unknown_tokens_are_left_as_written_and_reported_once()
    {
        var result = NurtureTemplateRenderer.RenderSubject("Dear {lastname} {LastName}, about {offer_id} and {0}", Mette());

        Assert.AreEqual("Dear {lastname} {LastName}, about {offer_id} and {0}", result.Text);
        CollectionAssert.AreEqual(new[] { "{lastname}", "{offer_id}", "{0}" }, result.UnknownTokens.ToArray());
    }

    [TestMethod]
    public void Empty_values_use_readable_fallbacks_and_are_reported()
    {
        var lead = new NurtureLeadContext { FirstName = "   ", CompanyName = "", OfferTitle = null, Storefront = Storefront.Other };

        var result = NurtureTemplateRenderer.RenderDescription("Hi {firstname}, {companyname}, {offertitle}, {storefront}, {campaigntype}", lead);

        Assert.AreEqual("Hi there, your company, our solution, the marketplace, marketplace", result.Text);
        CollectionAssert.AreEqual(new[] { "firstname", "companyname", "offertitle", "storefront", "campaigntype" }, result.FallbackTokens.ToArray());
    }

    [TestMethod]
    public void A_null_context_and_a_null_template_do_not_throw()
    {
        Assert.AreEqual("Hello there", NurtureTemplateRenderer.RenderSubject("Hello {firstname}", null).Text);
        Assert.AreEqual(string.Empty, NurtureTemplateRenderer.RenderDescription(null, Mette()).Text);
    }

    [TestMethod]
    [DataRow("{{firstname}}", "{Mette}")]
    [DataRow("{", "{")]
    [DataRow("}", "}")]
    [DataRow("{}", "{}")]
    [DataRow("{ }", "{ }")]
    [DataRow("{{{{", "{{{{")]
    [DataRow("}}{{", "}}{{")]
    [DataRow("{firstname", "{firstname")]
    [DataRow("firstname}", "firstname}")]
    [DataRow("{first{firstname}", "{firstMette")]
    [DataRow("{\"utm\":\"{firstname}\"}", "{\"utm\":\"Mette\"}")]
    [DataRow("<b>{firstname}</b>", "<b>Mette</b>")]
    [DataRow("{firstname}{firstname}", "MetteMette")]
    public void Odd_braces_are_copied_as_written(string template, string expected)
    {
        Assert.AreEqual(expected, NurtureTemplateRenderer.RenderSubject(template, Mette()).Text);
    }

    [TestMethod]
    public void Values_are_not_rendered_again_so_customer_text_cannot_inject_tokens()
    {
        var lead = Mette();
        lead.FirstName = "{companyname}";
        lead.CompanyName = "{lastname}";

        var result = NurtureTemplateRenderer.RenderSubject("{firstname} / {companyname}", lead);

        Assert.AreEqual("{companyname} / {lastname}", result.Text);
        Assert.AreEqual(0, result.UnknownTokens.Count, "tokens inside values are not reported as template problems");
    }

    [TestMethod]
    public void Subjects_are_single_line_and_control_characters_are_dropped()
    {
        var lead = Mette();
        lead.CompanyName = "Fabrikam\r\nA/S\u0007";

        var subject = NurtureTemplateRenderer.RenderSubject("Call\t{companyname}\nnow", lead);
        var description = NurtureTemplateRenderer.RenderDescription("Line 1\n{companyname}\u0000\nLine 3", lead);

        Assert.AreEqual("Call Fabrikam A/S now", subject.Text);
        Assert.AreEqual("Line 1\nFabrikam A/S\nLine 3", description.Text);
    }

    [TestMethod]
    public void Long_output_is_cut_to_the_column_length_with_an_ellipsis()
    {
        var lead = Mette();
        lead.OfferTitle = new string('x', 500);

        var subject = NurtureTemplateRenderer.RenderSubject("Offer {offertitle}", lead);
        var description = NurtureTemplateRenderer.RenderDescription(string.Concat(Enumerable.Repeat("{offertitle} ", 10)), lead);

        Assert.AreEqual(200, subject.Text.Length);
        Assert.IsTrue(subject.WasTruncated);
        Assert.IsTrue(subject.Text.EndsWith('\u2026'));
        Assert.AreEqual(2000, description.Text.Length);
        Assert.IsTrue(description.WasTruncated);
    }

    [TestMethod]
    public void Text_exactly_at_the_limit_is_not_cut()
    {
        var template = new string('a', NurtureTemplateRenderer.SubjectMaxLength);

        var result = NurtureTemplateRenderer.RenderSubject(template, null);

        Assert.AreEqual(template, result.Text);
        Assert.IsFalse(result.WasTruncated);
    }

    [TestMethod]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 8) + "\U0001F600\U0001F600";   // 8 + 4 UTF-16 units

        var cut = ColumnText.TruncateWithEllipsis(text, 10);   // 9 units + ellipsis would split the first emoji

        Assert.AreEqual(new string('a', 8) + "\u2026", cut);
        Assert.IsFalse(char.IsHighSurrogate(cut[^2]));
    }

    [TestMethod]
    public void Zero_or_negative_limits_give_empty_text()
    {
        Assert.AreEqual(string.Empty, NurtureTemplateRenderer.Render("Hello", Mette(), 0, singleLine: true).Text);
        Assert.AreEqual(string.Empty, NurtureTemplateRenderer.Render("Hello", Mette(), -5, singleLine: false).Text);
    }

    [TestMethod]
    public void A_huge_hostile_template_renders_within_limits()
    {
        var template = string.Concat(Enumerable.Repeat("{{{ {firstname} {nope} {", 50_000)) + new string('{', 100_000);

        var result = NurtureTemplateRenderer.RenderDescription(template, Mette());

        Assert.AreEqual(NurtureTemplateRenderer.DescriptionMaxLength, result.Text.Length);
        Assert.IsTrue(result.WasTruncated);
        CollectionAssert.AreEqual(new[] { "{nope}" }, result.UnknownTokens.ToArray());
        StringAssert.StartsWith(result.Text, "{{{ Mette {nope} {{{{ Mette");
    }

    [TestMethod]
    public void Brace_text_longer_than_a_token_is_literal_and_not_reported()
    {
        var longName = "{" + new string('a', NurtureTemplateRenderer.MaxTokenLength + 1) + "}";

        var result = NurtureTemplateRenderer.RenderDescription(longName, Mette());

        Assert.AreEqual(longName, result.Text);
        Assert.AreEqual(0, result.UnknownTokens.Count);
    }

    [TestMethod]
    public void The_token_list_names_the_five_supported_tokens()
    {
        CollectionAssert.AreEqual(new[] { "firstname", "companyname", "offertitle", "storefront", "campaigntype" },
            NurtureTemplateRenderer.TokenNames.ToArray());
    }
}
