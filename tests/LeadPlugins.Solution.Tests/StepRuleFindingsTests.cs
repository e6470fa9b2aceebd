using LeadPlugins.Schema;
using LeadPlugins.Solution.Registration;

namespace LeadPlugins.Solution.Tests;

[TestClass]
public sealed class StepRuleFindingsTests
{
    private static StepRegistration Step(string message, int stage, int mode, string filtering = "", params ImageRegistration[] images)
        => new(Guid.NewGuid(), "Test: " + message + " of lead", "Test.Plugin", message, SdkMessages.IdOf(message) ?? Guid.Empty,
            "lead", stage, mode, 1, filtering, string.Empty, string.Empty, false, false, images);

    private static ImageRegistration Image(int type, string attributes = LeadTable.Columns.LeadScore)
        => new(Guid.NewGuid(), type == 0 ? "PreImage" : "PostImage", type == 0 ? "PreImage" : "PostImage", type, attributes, "Target");

    private static IReadOnlyList<string> Errors(StepRegistration step)
    {
        var findings = new FindingList();
        StepRuleFindings.Check(step, "test", 0, findings, "mpl", (table, column) => column is LeadTable.Columns.LeadScore or LeadTable.Columns.Storefront);
        return findings.Items.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).ToList();
    }

    [TestMethod]
    public void A_well_formed_update_step_passes()
        => CollectionAssert.AreEqual(Array.Empty<string>(), Errors(Step("Update", 40, 1, LeadTable.Columns.LeadScore, Image(0), Image(1))).ToArray());

    [TestMethod]
    public void An_update_step_needs_filtering_attributes()
        => CollectionAssert.Contains(Errors(Step("Update", 20, 0)).ToList(), FindingCodes.UpdateWithoutFilteringAttributes);

    [TestMethod]
    public void A_create_step_cannot_have_a_pre_image()
        => CollectionAssert.Contains(Errors(Step("Create", 40, 0, "", Image(0))).ToList(), FindingCodes.PreImageOnCreate);

    [TestMethod]
    public void A_delete_step_cannot_have_a_post_image()
        => CollectionAssert.Contains(Errors(Step("Delete", 40, 0, "", Image(1))).ToList(), FindingCodes.PostImageOnDelete);

    [TestMethod]
    public void Post_images_exist_only_in_post_operation()
        => CollectionAssert.Contains(Errors(Step("Update", 20, 0, LeadTable.Columns.LeadScore, Image(1))).ToList(), FindingCodes.PostImageOutsidePostOperation);

    [TestMethod]
    public void An_image_of_type_both_counts_as_pre_and_post()
    {
        var errors = Errors(Step("Create", 20, 0, "", Image(2)));
        CollectionAssert.Contains(errors.ToList(), FindingCodes.PreImageOnCreate);
        CollectionAssert.Contains(errors.ToList(), FindingCodes.PostImageOutsidePostOperation);
    }

    [TestMethod]
    public void Asynchronous_steps_run_only_in_post_operation()
        => CollectionAssert.Contains(Errors(Step("Create", 20, 1)).ToList(), FindingCodes.AsyncOutsidePostOperation);

    [TestMethod]
    [DataRow("Retrieve")]
    [DataRow("RetrieveMultiple")]
    public void No_step_on_retrieve(string message)
        => CollectionAssert.Contains(Errors(Step(message, 40, 0)).ToList(), FindingCodes.ForbiddenMessage);

    [TestMethod]
    public void Only_stages_10_20_40_exist()
        => CollectionAssert.Contains(Errors(Step("Create", 30, 0)).ToList(), FindingCodes.InvalidStage);

    [TestMethod]
    public void A_prefixed_column_the_solution_does_not_declare_is_an_error()
        => CollectionAssert.Contains(Errors(Step("Update", 40, 1, "mpl_nosuchcolumn")).ToList(), FindingCodes.UnknownColumn);
}
