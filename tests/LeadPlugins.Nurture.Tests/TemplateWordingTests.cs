using System.Text.RegularExpressions;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;

namespace LeadPlugins.Nurture.Tests;

/// <summary>
/// What sellers and customers read when the lead lacks a first name, a company or an offer row: every built-in template,
/// planned through the real planner, still reads as sentences (issue 14, item 7).
/// </summary>
[TestClass]
public sealed class TemplateWordingTests
{
    [TestMethod]
    [DataRow("contoso-analytics-saas", "Contoso Analytics SaaS")]
    [DataRow("contoso.contoso-analytics-saas", "Contoso Analytics SaaS")]
    [DataRow("fabrikam_iot_edge_ai", "Fabrikam IoT Edge AI")]
    [DataRow("northwind-crm-for-devops-1591234567890", "Northwind CRM for DevOps")]
    [DataRow("adatum.FieldServiceAccelerator", "FieldServiceAccelerator")]
    [DataRow("sql-api", "SQL API")]
    [DataRow("and-more", "And More")]
    public void An_offer_id_names_its_product(string offerId, string expected)
        => Assert.AreEqual(expected, OfferProductName.FromOfferId(offerId));

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("---")]
    [DataRow("12345678")]
    [DataRow("contoso.")]
    public void An_offer_id_without_words_names_nothing(string? offerId)
    {
        var name = OfferProductName.FromOfferId(offerId);
        Assert.IsTrue(name == null || name == "Contoso", offerId + " -> " + name);
    }

    [TestMethod]
    public void Without_an_offer_row_the_subject_names_the_product_from_the_offer_id()
    {
        var lead = new NurtureLeadContext { OfferId = "contoso-analytics-saas" };
        var subject = NurtureTemplateRenderer.RenderSubject("{offertitle}: a summary of our conversation and next steps", lead);
        Assert.AreEqual("Contoso Analytics SaaS: a summary of our conversation and next steps", subject.Text);
        CollectionAssert.Contains(subject.FallbackTokens.ToList(), "offertitle");
    }

    [TestMethod]
    public void A_missing_first_name_is_there_only_in_a_greeting()
    {
        var nobody = new NurtureLeadContext();
        Assert.AreEqual("Hi there,", NurtureTemplateRenderer.RenderDescription("Hi {firstname},", nobody).Text);
        Assert.AreEqual("Notes\nHello there!", NurtureTemplateRenderer.RenderDescription("Notes\nHello {firstname}!", nobody).Text);
        Assert.AreEqual("Check-in with the contact: business case", NurtureTemplateRenderer.RenderSubject("Check-in with {firstname}: business case", nobody, NurtureTemplateAudience.Seller).Text);
        Assert.AreEqual("The contact at the company pressed Contact me.", NurtureTemplateRenderer.RenderSubject("{firstname} at {companyname} pressed Contact me.", nobody, NurtureTemplateAudience.Seller).Text);
        Assert.AreEqual("Our solution: next steps", NurtureTemplateRenderer.RenderSubject("{offertitle}: next steps", nobody).Text);
        Assert.AreEqual("Within a week. The contact", NurtureTemplateRenderer.RenderSubject("Within a week. {firstname}", nobody).Text);
        // "Hi" inside a word or mid-line is no greeting.
        Assert.AreEqual("Sushi the contact", NurtureTemplateRenderer.RenderSubject("Sushi {firstname}", nobody).Text);
    }

    public static IEnumerable<object[]> BuiltInSteps()
        => BuiltInNurtureSequences.All().SelectMany(sequence => sequence.Steps.Select(step => new object[] { sequence.Name, step.Order }));

    private static readonly NurtureLeadContext[] MissingFields =
    {
        new(),
        new() { OfferId = "contoso-analytics-saas" },
        new() { FirstName = "Mette", OfferId = "contoso.contoso-analytics-saas" },
        new() { CompanyName = "Fabrikam", Storefront = Storefront.AppSource, CampaignType = CampaignType.Nurture },
    };

    [TestMethod]
    [DynamicData(nameof(BuiltInSteps))]
    public void Every_built_in_template_reads_as_sentences_with_missing_fields(string sequenceName, int order)
    {
        var sequence = BuiltInNurtureSequences.All().Single(s => s.Name == sequenceName);
        var created = new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
        foreach (var lead in MissingFields)
        {
            var plan = new NurturePlanner(BusinessCalendar.FromTimeZoneId(null).Calendar).Plan(sequence, lead, created);
            var activity = plan.Activities.Single(a => a.StepOrder == order);
            var seller = activity.ActivityType != NurtureActivityType.Email;
            var step = sequence.Steps.Single(s => s.Order == order);
            foreach (var (text, template) in new[] { (activity.Subject, step.SubjectTemplate), (activity.Description, step.DescriptionTemplate) })
            {
                var where = sequenceName + " step " + order + " (" + (seller ? "seller" : "customer") + "): " + text;
                Assert.IsFalse(text.Contains('{'), "a token was left: " + where);
                Assert.IsTrue(char.IsUpper(text[0]) || char.IsDigit(text[0]), "starts with a capital: " + where);
                // A missing first name becomes "there" only in a greeting: every other "there" is the template's own word.
                if (lead.FirstName == null)
                {
                    int Count(string s, string pattern) => Regex.Matches(s, pattern, RegexOptions.IgnoreCase).Count;
                    var expected = Count(Regex.Replace(template, @"\{[^}]*\}", "x"), @"\bthere\b") + Count(template, @"(^|\n)(Hi|Hello|Dear) \{firstname\}");
                    Assert.AreEqual(expected, Count(text, @"\bthere\b"), "'there' stands for a missing name outside a greeting: " + where);
                }
                // Each sentence starts with a capital.
                foreach (Match match in Regex.Matches(text, @"[.!?]\s+(\p{Ll})"))
                    Assert.Fail("a sentence starts in lower case ('" + match.Groups[1].Value + "'): " + where);
                Assert.IsFalse(Regex.IsMatch(text, @"\b(the|a|an|your|our) (our|your|the) "), "doubled determiner: " + where);
                Assert.IsFalse(text.Contains("  ", StringComparison.Ordinal) || Regex.IsMatch(text, @"\s[,.:;!?]"), "stray space: " + where);
                if (lead.OfferId != null) Assert.IsFalse(text.Contains("our solution", StringComparison.OrdinalIgnoreCase), "the offer id names the product: " + where);
                if (seller) Assert.IsFalse(text.Contains("your company", StringComparison.Ordinal), "a seller's text calls the lead's company 'your company': " + where);
            }
        }
    }
}
