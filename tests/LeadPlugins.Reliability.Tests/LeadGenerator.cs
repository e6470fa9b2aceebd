using System.Globalization;
using System.Text;
using Bogus;
using CsCheck;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Reliability.Tests;

/// <summary>One generated lead: the eleven text columns enrichment reads (null = column not sent).</summary>
public sealed class GeneratedLead
{
    internal static readonly string[] Columns =
    {
        "subject", "description", LeadTable.Columns.LeadSource, LeadTable.Columns.ActionCode, "firstname", "lastname", "emailaddress1", "telephone1",
        "companyname", "jobtitle", "address1_country",
    };

    internal GeneratedLead(string?[] values) { Values = values; }

    internal string?[] Values { get; }

    internal string? this[string column] => Values[Array.IndexOf(Columns, column)];

    /// <summary>Total text length: CsCheck shrinks towards smaller inputs.</summary>
    internal ulong Size => (ulong)Values.Sum(v => v == null ? 0 : v.Length + 1);

    /// <summary>The lead as sent; <paramref name="fitColumns"/> cuts each value to its column (the platform rejects longer ones).</summary>
    internal Entity ToEntity(bool fitColumns = false)
    {
        var lead = new Entity("lead");
        for (int i = 0; i < Columns.Length; i++)
        {
            var value = Values[i];
            if (value == null) continue;
            if (fitColumns) value = Plugins.Domain.Enrichment.ColumnText.Truncate(value, LeadInvariants.MaxLength("lead", Columns[i])!.Value);
            lead[Columns[i]] = value;
        }
        return lead;
    }

    public override string ToString()
        => "{ " + string.Join(", ", Columns.Select((c, i) => Values[i] == null ? null : c + ": \"" + LeadInvariants.Escape(Values[i]!) + "\"").Where(s => s != null)) + " }";
}

/// <summary>
/// CsCheck generators of lead inputs: realistic values from Bogus (names, companies, e-mails, phones, job titles in several
/// locales, built once per seed), marketplace codes in every spelling and casing, unknown codes, JSON payloads valid and
/// broken (cut, a character dropped or added, duplicate keys, wrong types), and hostile text (control, bidirectional and
/// surrogate characters, emoji, up to 10,000 characters).
/// </summary>
internal sealed class LeadGenerator
{
    private static readonly string[] Sources =
    {
        "AzureMarketplace", "AppSource (SPZA)", "AzurePortal", "SPZA", "AppSource", "TestDrive", "Azure Marketplace", "Azure portal",
        "Microsoft AppSource", "Microsoft Azure Marketplace", "Marketplace", "Bing", "Web", "MSFT_TEST_636573304831318844",
    };

    private static readonly string[] Actions =
    {
        "INS", "PLT", "DNC", "Create", "StartTestDrive", "Contact me", "Get it now", "Get it now (Free)", "Test drive", "Free trial",
        "Subscribe", "Teleport", "Click", "",
    };

    private static readonly string[] Pieces =
    {
        "a", "e", "i", "o", "n", "s", "t", "A", "Z", "0", "7", " ", " ", "-", "|", ".", "@", "_", ",", ":", "'", "\"", "<", ">", "&", "{", "}", "[", "]",
        "\\", "/", "\t", "\n", "\r", "\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200e", "\u200f", "\u202a",
        "\u202e", "\u2066", "\u2069", "\ufeff", "\u05e9", "\u0645", "\u00e9", "\u00df", "\u0131", "\u4e2d", "\ud83d\ude00", "\ud83d\ude80",
        "\ud83c\uddfa\ud83c\uddf8", "\ud800", "\udc00", "MSFT_TEST_", "AppSource", "INS", "PLT", "Referral ID: ", "null", "true",
    };

    private readonly string[] _firstNames, _lastNames, _companies, _emails, _phones, _titles, _countries, _offers;

    internal LeadGenerator(int seed)
    {
        var first = new List<string>(); var last = new List<string>(); var companies = new List<string>(); var emails = new List<string>();
        var phones = new List<string>(); var titles = new List<string>(); var countries = new List<string>();
        int n = 0;
        foreach (var locale in new[] { "en", "de", "fr", "pt_BR", "ja", "ar", "ko" })
        {
            var faker = new Faker(locale) { Random = new Randomizer(seed + n++) };
            for (int i = 0; i < 150; i++)
            {
                var person = new Bogus.Person(locale, seed + n * 1000 + i);
                first.Add(person.FirstName);
                last.Add(person.LastName);
                emails.Add(person.Email);
                companies.Add(faker.Company.CompanyName());
                phones.Add(faker.Phone.PhoneNumber());
                titles.Add(faker.Name.JobTitle());
                countries.Add(i % 2 == 0 ? faker.Address.CountryCode() : faker.Address.Country());
            }
        }
        emails.AddRange(new[] { "not-an-email", "a@", "@b.com", "a@@b.com", "o'brien&sons@contoso.com", "\"q\"<x>@y.com", "ANA@ADATUM.COM", "ana@gmail.com" });
        phones.AddRange(new[] { "call me", "++--()", "5", "+1 425 555 0100", "☎ 12" });
        titles.AddRange(new[] { "CEO", "Chief Technology Officer", "IT Manager", "VP Sales", "Intern", "Geschäftsführer" });
        _firstNames = first.ToArray(); _lastNames = last.ToArray(); _companies = companies.ToArray(); _emails = emails.ToArray();
        _phones = phones.ToArray(); _titles = titles.ToArray(); _countries = countries.ToArray();
        var offerFaker = new Faker("en") { Random = new Randomizer(seed) };
        _offers = Enumerable.Range(0, 60).Select(_ => offerFaker.Commerce.ProductName()).ToArray();

        Lead = Gen.Select(Subject, Description, SourceColumn, ActionColumn, Realistic(_firstNames), Realistic(_lastNames), Realistic(_emails),
                Gen.Select(Realistic(_phones), Realistic(_companies), Realistic(_titles), Realistic(_countries), (p, c, t, k) => (p, c, t, k)),
                (subject, description, source, action, first, last, email, rest) =>
                    new GeneratedLead(new[] { subject, description, source, action, first, last, email, rest.p, rest.c, rest.t, rest.k }));
    }

    /// <summary>The lead generator.</summary>
    internal Gen<GeneratedLead> Lead { get; }

    private static Gen<string?> Nullish => Gen.OneOfConst<string?>(null, null, null, "", " ", "\t\n", "\u00a0", "\u3000");

    private static Gen<int> Length => Gen.Frequency((70, Gen.Int[0, 12]), (25, Gen.Int[12, 300]), (4, Gen.Int[300, 2100]), (1, Gen.Const(10_000)));

    /// <summary>Hostile text: random pieces including control, bidi, surrogate and emoji characters.</summary>
    internal static Gen<string> Hostile => Length.SelectMany(n => Gen.Int[0, Pieces.Length - 1].Array[n, n]).Select(a =>
    {
        var builder = new StringBuilder(a.Length * 2);
        foreach (var i in a) builder.Append(Pieces[i]);
        return builder.ToString();
    });

    private static Gen<string> Spelling(string[] words) => Gen.Select(Gen.OneOfConst(words), Gen.Int[0, 5], Gen.OneOfConst("", " ", "  ", "\t"), Gen.UInt,
        (word, casing, pad, bits) => pad + Recase(word, casing, bits) + pad);

    /// <summary>Changes the case of ASCII letters: 0 as is, 1 upper, 2 lower, else random per letter.</summary>
    internal static string Recase(string text, int casing, uint bits)
    {
        if (casing == 0) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c > 127 || !char.IsLetter(c)) continue;
            bool upper = casing == 1 || (casing == 2 ? false : ((bits >> (i % 32)) & 1) == 1);
            chars[i] = upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
        }
        return new string(chars);
    }

    private Gen<string?> Realistic(string[] pool) => Gen.Frequency(
        (6, Gen.OneOfConst(pool).Select(s => (string?)s)),
        (2, Nullish),
        (1, Gen.OneOfConst<string?>("NotProvidedFromAzureMarketPlace", " notprovidedfromazuremarketplace ", "0", "-1.5")),
        (1, Hostile.Select(s => (string?)s)),
        (1, Gen.Select(Gen.OneOfConst(pool), Hostile, (s, h) => (string?)(s + h))));

    private Gen<string> Combined => Gen.Select(Spelling(Sources), Spelling(Actions), Gen.OneOfConst(_offers), Gen.Int[0, 4], Hostile,
        (source, action, offer, shape, junk) => shape switch
        {
            0 => source + "-" + action + "|contoso." + offer.ToLowerInvariant().Replace(' ', '-'),
            1 => source + "-" + action + "|" + offer,
            2 => source + "-" + action + "|" + junk,
            3 => source + action + "|contoso.x",
            _ => junk + source + "-" + action + "|contoso." + junk,
        });

    private Gen<string?> Subject => Gen.Frequency(
        (5, Combined.Select(s => (string?)s)),
        (2, Gen.OneOfConst(_offers).Select(s => (string?)s)),
        (2, Nullish),
        (1, Hostile.Select(s => (string?)s)));

    private Gen<string?> SourceColumn => Gen.Frequency((3, Spelling(Sources).Select(s => (string?)s)), (1, Combined.Select(s => (string?)s)), (4, Nullish), (1, Hostile.Select(s => (string?)s)));

    private Gen<string?> ActionColumn => Gen.Frequency((3, Spelling(Actions).Select(s => (string?)s)), (4, Nullish), (1, Hostile.Select(s => (string?)s)));

    private Gen<string?> Description => Gen.Frequency(
        (4, Payload.Select(s => (string?)s)),
        (2, Nullish),
        (1, Combined.Select(s => (string?)("Hello,\n" + s + "\nThanks"))),
        (1, Gen.OneOfConst<string?>("Referral ID: 6f1c3a4e-1c2b-4c8e-9b7a-0d2e3f4a5b6c", "Qualification: SalesQualified", "{", "{}", "[]", "null")),
        (1, Hostile.Select(s => (string?)s)),
        (1, Hostile.Select(s => (string?)("{" + s))));

    /// <summary>A marketplace payload (valid, or cut, with a character dropped or added, or with a duplicate key).</summary>
    internal Gen<string> Payload => Gen.Select(
        Gen.Select(Realistic(_firstNames), Realistic(_lastNames), Realistic(_emails), Realistic(_companies), (f, l, e, c) => (f, l, e, c)),
        Spelling(Sources), Spelling(Actions), Gen.OneOfConst(_offers), Gen.Int[0, 9], Gen.Int[0, 7], Gen.Int[0, int.MaxValue - 1], Hostile,
        (user, source, action, offer, shape, mutation, where, junk) =>
        {
            var members = new List<string>();
            var userMembers = new List<string>();
            void Add(List<string> list, string key, string? value, int kind)
            {
                if (value == null && kind == 0) return;
                string json = kind switch
                {
                    1 => "null",
                    2 => (value?.Length ?? 0).ToString(CultureInfo.InvariantCulture),
                    3 => "true",
                    4 => "[" + Quote(value) + "]",
                    5 => "{\"v\":" + Quote(value) + "}",
                    _ => Quote(value),
                };
                list.Add(Quote(shape % 3 == 0 ? key.ToLowerInvariant() : key) + ":" + json);
            }
            int kindOf(int i) => shape == 9 ? (where >> i) % 6 : 0;
            Add(userMembers, "FirstName", user.f, kindOf(0));
            Add(userMembers, "LastName", user.l, kindOf(1));
            Add(userMembers, "Email", user.e, kindOf(2));
            Add(userMembers, "Company", user.c, kindOf(3));
            members.Add(Quote(shape == 4 ? "CustomerInfo" : "UserDetails") + ":"
                + (shape == 4 ? Quote("{" + string.Join(",", userMembers) + "}") : "{" + string.Join(",", userMembers) + "}"));
            Add(members, "LeadSource", source, kindOf(4));
            Add(members, "ActionCode", action, kindOf(5));
            Add(members, "OfferTitle", offer, 0);
            if (shape == 5) members.Add("\"Description\":" + Quote("{\"mktcmpid\":\"spring\",\"src\":\"" + junk + "\"}"));
            else if (shape == 6) members.Add("\"Description\":" + Quote(junk));
            if (shape == 7 && members.Count > 1) members.Add(members[1]); // duplicate key
            var text = "{" + string.Join(shape == 8 ? " , " : ",", members) + "}";
            if (text.Length == 0) return text;
            int at = where % text.Length;
            return mutation switch
            {
                1 => text.Substring(0, at), // cut
                2 => text.Remove(at, 1), // a character dropped
                3 => text.Insert(at, junk.Length > 3 ? junk.Substring(0, 3) : junk), // characters added
                _ => text,
            };
        });

    internal static string Quote(string? value)
    {
        if (value == null) return "null";
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || char.IsSurrogate(c) && c % 2 == 0) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
