using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using static LeadPlugins.Nurture.Tests.TestData;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class SequenceValidationTests
{
    [TestMethod]
    public void A_well_formed_sequence_is_valid()
    {
        var result = NurtureSequenceValidator.Validate(Sequence("Good"));

        Assert.IsTrue(result.IsValid);
        Assert.AreEqual(0, result.Problems.Count);
        StringAssert.Contains(result.Summary, "is valid");
    }

    [TestMethod]
    public void No_steps_is_reported()
    {
        var result = NurtureSequenceValidator.Validate(Sequence("Empty", steps: Array.Empty<NurtureStepDefinition>()));

        Assert.IsFalse(result.IsValid);
        CollectionAssert.Contains(result.Problems.ToList(), "The sequence has no steps.");
        StringAssert.Contains(result.Summary, "'Empty'");
    }

    [TestMethod]
    public void Null_steps_list_and_null_entries_are_reported_not_thrown()
    {
        var noList = NurtureSequenceValidator.Validate(new NurtureSequenceDefinition("X", CampaignType.Nurture, null));
        var nullEntry = NurtureSequenceValidator.Validate(Sequence("Y", steps: new[] { Step(1), null }));

        CollectionAssert.Contains(noList.Problems.ToList(), "The sequence has no steps.");
        CollectionAssert.Contains(nullEntry.Problems.ToList(), "1 step(s) are missing (null).");
    }

    [TestMethod]
    public void Negative_and_too_large_offsets_are_reported()
    {
        var result = NurtureSequenceValidator.Validate(Sequence("Offsets", steps: new[]
        {
            Step(1, offset: -2, name: "Early"),
            Step(2, offset: 400, name: "Late"),
        }));

        CollectionAssert.AreEqual(new[]
        {
            "Step 'Early' (order 1): offset -2 business days is negative.",
            "Step 'Late' (order 2): offset 400 business days is more than 365.",
        }, result.Problems.ToArray());
    }

    [TestMethod]
    public void Duplicate_orders_are_reported_with_the_step_names()
    {
        var result = NurtureSequenceValidator.Validate(Sequence("Dup", steps: new[]
        {
            Step(1, name: "Call"), Step(2, name: "Mail"), Step(2, name: "Task"),
        }));

        CollectionAssert.AreEqual(new[] { "Order 2 is used by 2 steps: 'Mail', 'Task'." }, result.Problems.ToArray());
    }

    [TestMethod]
    public void Unknown_option_values_empty_subject_and_negative_order_are_reported()
    {
        var result = NurtureSequenceValidator.Validate(new NurtureSequenceDefinition(
            "  ", (CampaignType)5, new[]
            {
                new NurtureStepDefinition(-1, (NurtureActivityType)9, " ", null, 1, (StepPriority)7, "Odd"),
            },
            storefront: (Storefront)3, leadActions: new[] { (LeadAction)42 }, priority: 5000));

        CollectionAssert.AreEqual(new[]
        {
            "Name is empty.",
            "Campaign type 5 is not a known option.",
            "Storefront 3 is not a known option.",
            "Lead action 42 is not a known option.",
            "Priority 5000 is outside 0-1000.",
            "Step 'Odd' (order -1): order is negative.",
            "Step 'Odd' (order -1): activity type 9 is not a known option.",
            "Step 'Odd' (order -1): priority 7 is not a known option.",
            "Step 'Odd' (order -1): subject template is empty.",
        }, result.Problems.ToArray());
        StringAssert.StartsWith(result.Summary, "Sequence '' is invalid: Name is empty.");
    }

    [TestMethod]
    public void More_than_the_maximum_number_of_steps_is_reported()
    {
        var steps = Enumerable.Range(1, NurtureSequenceValidator.MaxSteps + 1).Select(i => Step(i)).ToList();

        var result = NurtureSequenceValidator.Validate(Sequence("Huge", steps: steps));

        CollectionAssert.AreEqual(new[] { "It has 51 steps; at most 50 are allowed." }, result.Problems.ToArray());
    }

    [TestMethod]
    public void Steps_are_kept_in_order_and_unnamed_steps_get_a_readable_name()
    {
        var sequence = Sequence("Order", steps: new[] { Step(3, type: NurtureActivityType.PhoneCall), Step(1), Step(2) });

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, sequence.Steps.Select(s => s.Order).ToArray());
        Assert.AreEqual("Step 3: Phone call", sequence.Steps[2].Name);
    }

    [TestMethod]
    public void Validate_rejects_a_null_argument_as_a_programming_error()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => NurtureSequenceValidator.Validate(null!));
    }
}
