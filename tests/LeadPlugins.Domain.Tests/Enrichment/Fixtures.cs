using System.Text;
using LeadPlugins.Plugins.Domain.Enrichment;

namespace LeadPlugins.Domain.Tests.Enrichment;

/// <summary>
/// Builds marketplace payloads from field values (spec §3.2 and §8) instead of pasting the documents, so each
/// test says which shape it exercises: casing of the keys, null/empty/missing values, the documented missing comma.
/// </summary>
internal sealed class PayloadBuilder
{
    private readonly List<(string Key, string? Value, bool Raw)> _user = new();
    private readonly List<(string Key, string? Value, bool Raw)> _top = new();

    public string UserDetailsKey { get; init; } = "UserDetails";
    public bool CamelCase { get; init; }
    /// <summary>Drop the comma after OfferTitle, as the documented FAQ test lead does.</summary>
    public bool OmitCommaAfterOfferTitle { get; init; }

    public PayloadBuilder User(string key, string? value) { _user.Add((Key(key), value, false)); return this; }
    public PayloadBuilder UserRaw(string key, string raw) { _user.Add((Key(key), raw, true)); return this; }
    public PayloadBuilder Top(string key, string? value) { _top.Add((Key(key), value, false)); return this; }
    public PayloadBuilder TopRaw(string key, string raw) { _top.Add((Key(key), raw, true)); return this; }

    public PayloadBuilder Customer(string? first, string? last, string? email, string? phone, string? country, string? company, string? title) =>
        User("FirstName", first).User("LastName", last).User("Email", email).User("Phone", phone).User("Country", country)
            .User("Company", company).User("Title", title);

    private string Key(string key) => CamelCase ? char.ToLowerInvariant(key[0]) + key[1..] : key;

    public string Build()
    {
        var sb = new StringBuilder();
        sb.Append("{\n  ").Append(Quote(UserDetailsKey)).Append(": {\n");
        for (int i = 0; i < _user.Count; i++)
        {
            sb.Append("    ").Append(Quote(_user[i].Key)).Append(": ").Append(Value(_user[i]));
            sb.Append(i < _user.Count - 1 ? ",\n" : "\n");
        }
        sb.Append("  }");
        string? previousKey = null;
        foreach (var member in _top)
        {
            bool omitComma = OmitCommaAfterOfferTitle && string.Equals(previousKey, "OfferTitle", StringComparison.OrdinalIgnoreCase);
            sb.Append(omitComma ? "\n  " : ",\n  ").Append(Quote(member.Key)).Append(": ").Append(Value(member));
            previousKey = member.Key;
        }
        sb.Append("\n}");
        return sb.ToString();
    }

    private static string Value((string Key, string? Value, bool Raw) member) =>
        member.Raw ? member.Value! : member.Value == null ? "null" : Quote(member.Value);

    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}

internal static class Samples
{
    public const string TestTicks = "636573304831318844";
    public const string TestToken = "MSFT_TEST_" + TestTicks;

    /// <summary>Spec §3.2 example A: AzureMarketplace / INS / "Test Microsoft", PascalCase.</summary>
    public static string DocumentedHttpsExample() => new PayloadBuilder()
        .Customer("Some", "Name", "someone@contoso.com", "16175555555", "USA", "Contoso", "Esquire")
        .Top("LeadSource", "AzureMarketplace").Top("ActionCode", "INS").Top("OfferTitle", "Test Microsoft")
        .Top("Description", "Test run through Power Automate").Build();

    /// <summary>Spec §3.2 FAQ test lead: outer key "userDetails", inner PascalCase, no comma after OfferTitle.</summary>
    public static string DocumentedMalformedTestLead() => new PayloadBuilder { UserDetailsKey = "userDetails", OmitCommaAfterOfferTitle = true }
        .Customer(TestToken, TestToken, TestToken + "@test.com", "1234567890", "US", TestToken, TestToken)
        .Top("LeadSource", "AzureMarketplace").Top("ActionCode", "INS").Top("OfferTitle", "Contoso Test").Top("Description", TestToken).Build();

    /// <summary>Spec §8 C: AppSource Contact me, empty phone.</summary>
    public static string AppSourceContactMe() => new PayloadBuilder()
        .Customer("Mette", "Jensen", "mette.jensen@fabrikam.dk", "", "DK", "Fabrikam A/S", "Head of Sales Operations")
        .Top("LeadSource", "AppSource (SPZA)").Top("ActionCode", "PLT").Top("OfferTitle", "Contoso Field Service Accelerator")
        .Top("Description", "We run 40 technicians and want scheduling inside Dynamics. Please call after 14:00 CET.").Build();

    /// <summary>Spec §8 D: Azure portal Create, nulls.</summary>
    public static string AzurePortalCreate() => new PayloadBuilder()
        .Customer("Raj", "Patel", "raj.patel@northwindtraders.com", null, "USA", "Northwind Traders", null)
        .Top("LeadSource", "AzurePortal").Top("ActionCode", "Create").Top("OfferTitle", "Fabrikam WAF Appliance").Build();

    /// <summary>Spec §8 E: camelCase with the listing URL's parameters as a JSON string in description.</summary>
    public static string CamelCaseWithCampaign() => new PayloadBuilder { UserDetailsKey = "userDetails", CamelCase = true }
        .Customer("Ana", "Silva", "ana.silva@adatum.com.br", "5511955550100", "BR", "Adatum", "CIO")
        .Top("LeadSource", "AzureMarketplace").Top("ActionCode", "StartTestDrive").Top("OfferTitle", "Northwind SQL Analytics VM")
        .Top("Description", "{\"mktcmpid\":\"webinar_q3\",\"src\":\"linkedin\"}").Build();

    /// <summary>Spec §8 F: Azure Table CustomerInfo (a JSON string) with OfferDisplayName.</summary>
    public static string AzureTableEntity() =>
        "{\"ActionCode\":\"INS\",\"LeadSource\":\"AzureMarketplace\",\"OfferDisplayName\":\"Contoso SaaS Analytics\",\"Description\":\"\","
        + "\"CustomerInfo\":" + PayloadBuilder.Quote("{\"FirstName\":\"Li\",\"LastName\":\"Wei\",\"Email\":\"li.wei@contoso.com\",\"Phone\":\"\",\"Country\":\"CN\",\"Company\":\"Contoso\",\"Title\":\"Data Engineer\"}") + "}";

    public static LeadFields Combined(string value, Action<LeadFields>? customise = null)
    {
        var fields = new LeadFields
        {
            Subject = value,
            FirstName = "Mette",
            LastName = "Jensen",
            Email = "mette.jensen@fabrikam.dk",
            Phone = "4512345678",
            CompanyName = "Fabrikam A/S",
            JobTitle = "Head of Sales Operations",
            Country = "DK",
        };
        customise?.Invoke(fields);
        return fields;
    }
}
