using LeadPlugins.Plugins.Domain.Enrichment;

namespace LeadPlugins.Domain.Tests.Enrichment;

/// <summary>
/// The payload's fields are declared once (<see cref="PayloadSlots"/>) and both JSON readers fill them by slot: every
/// member name of every field, in any casing, lands in the same payload property through the fast scanner and through
/// the tolerant tree reader; the first alias wins over later ones in both.
/// </summary>
[TestClass]
public sealed class PayloadFieldsTests
{
    [TestMethod]
    public void Every_member_name_of_every_field_is_read_alike_by_both_readers()
    {
        var checkedNames = 0;
        for (int slot = 0; slot < PayloadSlots.TextSlots; slot++)
        {
            foreach (var name in PayloadSlots.NamesOf(slot))
            {
                foreach (var spelling in new[] { name, name.ToLowerInvariant() })
                {
                    var value = "value of " + spelling;
                    var json = Json(slot, "\"" + spelling + "\":\"  " + value + " \"");
                    var fast = MarketplacePayload.TryRead(json);
                    var tolerant = MarketplacePayload.TryReadWithTolerantReader(json, JsonReadLimits.Default);

                    Assert.IsNotNull(fast, json);
                    Assert.IsTrue(fast.ReadByScanner, "clean JSON takes the scanner: " + json);
                    Assert.AreEqual(value, ValueOf(fast, slot), "scanner: " + json);
                    Assert.AreEqual(value, ValueOf(tolerant!, slot), "tolerant reader: " + json);
                    checkedNames++;
                }
            }
        }
        Assert.IsGreaterThan(80, checkedNames);
    }

    [TestMethod]
    public void The_first_alias_wins_in_both_readers_whatever_the_member_order()
    {
        for (int slot = 0; slot < PayloadSlots.TextSlots; slot++)
        {
            var names = PayloadSlots.NamesOf(slot);
            var json = Json(slot, "\"" + names[1] + "\":\"second\",\"" + names[0] + "\":\"first\"");

            Assert.AreEqual("first", ValueOf(MarketplacePayload.TryRead(json)!, slot), json);
            Assert.AreEqual("first", ValueOf(MarketplacePayload.TryReadWithTolerantReader(json, JsonReadLimits.Default)!, slot), json);
        }
    }

    [TestMethod]
    public void The_not_provided_placeholder_reads_as_missing_in_both_readers()
    {
        var json = "{\"LeadSource\":\"AzureMarketplace\",\"Company\":\"NotProvidedFromAzureMarketPlace\"}";

        Assert.IsNull(MarketplacePayload.TryRead(json)!.Company);
        Assert.IsNull(MarketplacePayload.TryReadWithTolerantReader(json, JsonReadLimits.Default)!.Company);
    }

    // A lead payload holding the member(s): contacts of the user-details slots inside UserDetails, the rest at the
    // root; a source code marks it as a lead payload unless the field is the source itself.
    private static string Json(int slot, string members)
    {
        if (PayloadSlots.IsUserContact(slot)) return "{\"LeadSource\":\"AzureMarketplace\",\"UserDetails\":{" + members + "}}";
        return slot == PayloadSlots.LeadSource ? "{" + members + "}" : "{\"LeadSource\":\"AzureMarketplace\"," + members + "}";
    }

    private static string? ValueOf(MarketplacePayload payload, int slot)
    {
        if (slot < PayloadSlots.UserContact + PayloadSlots.ContactFields)
        {
            switch (slot % PayloadSlots.ContactFields)
            {
                case PayloadSlots.FirstName: return payload.FirstName;
                case PayloadSlots.LastName: return payload.LastName;
                case PayloadSlots.Email: return payload.Email;
                case PayloadSlots.Phone: return payload.Phone;
                case PayloadSlots.Country: return payload.Country;
                case PayloadSlots.Company: return payload.Company;
                default: return payload.Title;
            }
        }
        return slot switch
        {
            PayloadSlots.LeadSource => payload.LeadSource,
            PayloadSlots.ActionCode => payload.ActionCode,
            PayloadSlots.OfferTitle => payload.OfferTitle,
            PayloadSlots.Description => payload.Description,
            PayloadSlots.CampaignCode => payload.CampaignCode,
            _ => payload.CampaignSource,
        };
    }
}
