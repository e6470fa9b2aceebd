using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Domain.Tests.Enrichment;

[TestClass]
public sealed class TestLeadTokenTests
{
    [TestMethod]
    [DataRow("636573304831318844", 2018, 3, 22, 15, 48)]
    [DataRow("636737558587117715", 2018, 9, 28, 18, 24)]
    public void Ticks_decode_to_the_validation_time(string digits, int year, int month, int day, int hour, int minute)
    {
        var time = TestLeadToken.DecodeTicks(digits);
        Assert.IsNotNull(time);
        Assert.AreEqual(DateTimeKind.Utc, time.Value.Kind);
        Assert.AreEqual(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc), new DateTime(time.Value.Year, time.Value.Month, time.Value.Day, time.Value.Hour, time.Value.Minute, 0, DateTimeKind.Utc));
    }

    [TestMethod]
    [DataRow("1234")]
    [DataRow("9999999999999999999999")]
    [DataRow("12a4")]
    [DataRow("")]
    public void Implausible_digits_give_no_time(string digits) => Assert.IsNull(TestLeadToken.DecodeTicks(digits));

    [TestMethod]
    [DataRow("MSFT_TEST_636573304831318844", "MSFT_TEST_636573304831318844")]
    [DataRow("msft_test_636573304831318844@test.com", "msft_test_636573304831318844")]
    [DataRow("Company MSFT_TEST_636573304831318844 Ltd", "MSFT_TEST_636573304831318844")]
    [DataRow("MSFT_TEST_x then MSFT_TEST_12", "MSFT_TEST_12")]
    public void Token_is_found_anywhere(string text, string token) => Assert.AreEqual(token, TestLeadToken.Find(text)?.Token);

    [TestMethod]
    [DataRow("MSFT_TEST_")]
    [DataRow("MSFT_TESTING")]
    [DataRow("ordinary text")]
    [DataRow(null)]
    public void No_token_without_digits(string? text) => Assert.IsNull(TestLeadToken.Find(text));
}

[TestClass]
public sealed class CoSellSignalTests
{
    private const string Id = "3f2c9a1e-7b44-4e0a-9c55-2d1e8f6a0b13";

    [TestMethod]
    [DataRow("Referral ID: " + Id)]
    [DataRow("ReferralId=" + Id)]
    [DataRow("referral_id " + Id)]
    [DataRow("Partner Center referral {" + Id + "}")]
    [DataRow("{\"referralId\": \"" + Id + "\"}")]
    [DataRow("REFERRAL-ID: " + "3F2C9A1E-7B44-4E0A-9C55-2D1E8F6A0B13")]
    public void Referral_id_after_a_label_is_captured(string text) => Assert.AreEqual(Id, CoSellSignal.Find(text)?.ReferralId);

    [TestMethod]
    [DataRow("EngagementId: " + Id)]
    [DataRow("Engagement ID " + Id)]
    [DataRow("{\"engagementId\":\"" + Id + "\"}")]
    public void Engagement_id_is_captured(string text)
    {
        var signal = CoSellSignal.Find(text);
        Assert.AreEqual(Id, signal?.EngagementId);
        Assert.AreEqual(Id, signal?.BestId);
    }

    [TestMethod]
    [DataRow("Qualification: SalesQualified", "SalesQualified")]
    [DataRow("{\"qualification\":\"Direct\"}", "Direct")]
    [DataRow("Lead is SalesQualified by Microsoft", "SalesQualified")]
    public void Qualification_marks_a_co_sell_referral(string text, string qualification) =>
        Assert.AreEqual(qualification, CoSellSignal.Find(text)?.Qualification);

    [TestMethod]
    [DataRow("Please contact me directly")]
    [DataRow("Qualification: pending")]
    [DataRow("Referral from a friend")]
    [DataRow("Referral ID: not-a-guid")]
    [DataRow("Referral ID: " + Id + "0")]
    [DataRow("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator")]
    [DataRow("NotSalesQualifiedYet")]
    public void Ordinary_text_is_not_co_sell(string text) => Assert.IsNull(CoSellSignal.Find(text));
}

[TestClass]
public sealed class EmailAddressTests
{
    [TestMethod]
    [DataRow("mette.jensen@fabrikam.dk", "mette.jensen@fabrikam.dk", EmailStatus.Business)]
    [DataRow("  Raj.Patel@NorthwindTraders.com ", "raj.patel@northwindtraders.com", EmailStatus.Business)]
    [DataRow("someone@gmail.com", "someone@gmail.com", EmailStatus.FreeMail)]
    [DataRow("a@outlook.com", "a@outlook.com", EmailStatus.FreeMail)]
    [DataRow("a@hotmail.co.uk", "a@hotmail.co.uk", EmailStatus.FreeMail)]
    [DataRow("a@HOTMAIL.FR", "a@hotmail.fr", EmailStatus.FreeMail)]
    [DataRow("a@live.com", "a@live.com", EmailStatus.FreeMail)]
    [DataRow("a@yahoo.co.jp", "a@yahoo.co.jp", EmailStatus.FreeMail)]
    [DataRow("a@icloud.com", "a@icloud.com", EmailStatus.FreeMail)]
    [DataRow("a@aol.com", "a@aol.com", EmailStatus.FreeMail)]
    [DataRow("a@gmx.de", "a@gmx.de", EmailStatus.FreeMail)]
    [DataRow("a@gmx.net", "a@gmx.net", EmailStatus.FreeMail)]
    [DataRow("a@web.de", "a@web.de", EmailStatus.FreeMail)]
    [DataRow("a@protonmail.com", "a@protonmail.com", EmailStatus.FreeMail)]
    [DataRow("a@proton.me", "a@proton.me", EmailStatus.FreeMail)]
    [DataRow("a@mail.ru", "a@mail.ru", EmailStatus.FreeMail)]
    [DataRow("a@yandex.ru", "a@yandex.ru", EmailStatus.FreeMail)]
    [DataRow("a@qq.com", "a@qq.com", EmailStatus.FreeMail)]
    [DataRow("a@163.com", "a@163.com", EmailStatus.FreeMail)]
    [DataRow("mailto:Ana@Adatum.com.br", "ana@adatum.com.br", EmailStatus.Business)]
    [DataRow("student@university.edu", "student@university.edu", EmailStatus.Business)]
    [DataRow("a@hotmailer.com", "a@hotmailer.com", EmailStatus.Business)]
    [DataRow("a@mygmail.com", "a@mygmail.com", EmailStatus.Business)]
    public void Valid_addresses_are_lower_cased_and_classified(string raw, string normalised, EmailStatus status)
    {
        var email = EmailAddresses.Normalize(raw, null);
        Assert.AreEqual(normalised, email.Address);
        Assert.AreEqual(status, email.Status);
    }

    [TestMethod]
    [DataRow("NotProvidedFromAzureMarketPlace")]
    [DataRow("a@b")]
    [DataRow("a@@b.com")]
    [DataRow("a b@c.com")]
    [DataRow("@c.com")]
    [DataRow("a@.com")]
    [DataRow("a@c..com")]
    [DataRow("a@c.c")]
    [DataRow("a@c.123")]
    [DataRow("a.@c.com")]
    [DataRow("a..b@c.com")]
    [DataRow("a@-c.com")]
    [DataRow("Jo <jo@c.com>")]
    public void Malformed_addresses_are_invalid_and_kept(string raw)
    {
        var email = EmailAddresses.Normalize(raw, null);
        Assert.AreEqual(EmailStatus.Invalid, email.Status);
        Assert.IsNotNull(email.Address);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("mailto:")]
    public void Blank_is_missing(string? raw) => Assert.AreEqual(EmailStatus.Missing, EmailAddresses.Normalize(raw, null).Status);

    [TestMethod]
    public void Free_mail_additions_extend_the_list_without_changing_the_default()
    {
        var custom = FreeMailDomains.Default.WithAdditions(new[] { "Contoso-Mail.com", "@example.org", "mailinator.*", " ", "nodot" });
        Assert.AreEqual(EmailStatus.FreeMail, EmailAddresses.Normalize("x@contoso-mail.com", custom).Status);
        Assert.AreEqual(EmailStatus.FreeMail, EmailAddresses.Normalize("x@example.org", custom).Status);
        Assert.AreEqual(EmailStatus.FreeMail, EmailAddresses.Normalize("x@mailinator.net", custom).Status);
        Assert.AreEqual(EmailStatus.FreeMail, EmailAddresses.Normalize("x@gmail.com", custom).Status);
        Assert.AreEqual(EmailStatus.Business, EmailAddresses.Normalize("x@example.org", null).Status);
    }
}

[TestClass]
public sealed class CountryCodesTests
{
    [TestMethod]
    public void The_table_has_every_iso_country_once()
    {
        Assert.AreEqual(249, CountryCodes.All.Count);
        Assert.AreEqual(249, CountryCodes.All.Select(c => c.Alpha2).Distinct().Count());
        Assert.AreEqual(249, CountryCodes.All.Select(c => c.Alpha3).Distinct().Count());
    }

    [TestMethod]
    public void Every_alpha2_alpha3_and_name_maps_back_to_its_country()
    {
        foreach (var country in CountryCodes.All)
        {
            Assert.AreEqual(country.Alpha2, CountryCodes.ToAlpha2(country.Alpha2), country.Name);
            Assert.AreEqual(country.Alpha2, CountryCodes.ToAlpha2(country.Alpha3.ToLowerInvariant()), country.Name);
            Assert.AreEqual(country.Alpha2, CountryCodes.ToAlpha2(country.Name), country.Name);
            Assert.AreEqual(country.Alpha2, CountryCodes.ToAlpha2(country.Name.ToUpperInvariant()), country.Name);
        }
    }

    [TestMethod]
    [DataRow("US", "US")]
    [DataRow("USA", "US")]
    [DataRow("usa", "US")]
    [DataRow("U.S.A.", "US")]
    [DataRow("U.S.", "US")]
    [DataRow("United States", "US")]
    [DataRow("United States of America", "US")]
    [DataRow("the United States", "US")]
    [DataRow(" America ", "US")]
    [DataRow("Deutschland", "DE")]
    [DataRow("Germany", "DE")]
    [DataRow("DEU", "DE")]
    [DataRow("UK", "GB")]
    [DataRow("Great Britain", "GB")]
    [DataRow("England", "GB")]
    [DataRow("DK", "DK")]
    [DataRow("Danmark", "DK")]
    [DataRow("BR", "BR")]
    [DataRow("Brasil", "BR")]
    [DataRow("CN", "CN")]
    [DataRow("中国", "CN")]
    [DataRow("Österreich", "AT")]
    [DataRow("Osterreich", "AT")]
    [DataRow("Côte d'Ivoire", "CI")]
    [DataRow("Cote dIvoire", "CI")]
    [DataRow("Ivory Coast", "CI")]
    [DataRow("Türkiye", "TR")]
    [DataRow("Turkey", "TR")]
    [DataRow("Czech Republic", "CZ")]
    [DataRow("South Korea", "KR")]
    [DataRow("Korea, Republic of", "KR")]
    [DataRow("North Korea", "KP")]
    [DataRow("Russia", "RU")]
    [DataRow("Viet Nam", "VN")]
    [DataRow("Vietnam", "VN")]
    [DataRow("UAE", "AE")]
    [DataRow("Trinidad & Tobago", "TT")]
    [DataRow("St. Lucia", "LC")]
    [DataRow("Saint Martin", "MF")]
    [DataRow("Holland", "NL")]
    [DataRow("The Netherlands", "NL")]
    [DataRow("Congo", "CG")]
    [DataRow("DR Congo", "CD")]
    [DataRow("Großbritannien", "GB")]
    [DataRow("Россия", "RU")]
    public void Codes_names_and_variants_normalise(string text, string alpha2) => Assert.AreEqual(alpha2, CountryCodes.ToAlpha2(text));

    [TestMethod]
    [DataRow("Atlantis")]
    [DataRow("XX")]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow(null)]
    [DataRow("MSFT_TEST_636573304831318844")]
    public void Unknown_country_text_gives_null(string? text) => Assert.IsNull(CountryCodes.ToAlpha2(text));

    [TestMethod]
    public void Huge_text_is_rejected_without_hashing_it() => Assert.IsNull(CountryCodes.ToAlpha2(new string('a', 1_000_000)));
}

[TestClass]
public sealed class ColumnTextTests
{
    [TestMethod]
    public void Truncate_cuts_to_the_limit_and_keeps_fitting_values_as_is()
    {
        var fits = "Contoso";
        Assert.AreSame(fits, ColumnText.Truncate(fits, 7));
        Assert.AreEqual("Cont", ColumnText.Truncate(fits, 4));
        Assert.IsNull(ColumnText.Truncate(null, 4));
        Assert.AreEqual("", ColumnText.Truncate("abc", 0));
    }

    [TestMethod]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        var text = "ab\U0001F600cd";
        Assert.AreEqual("ab", ColumnText.Truncate(text, 3));
        Assert.AreEqual("ab\U0001F600", ColumnText.Truncate(text, 4));
    }
}
