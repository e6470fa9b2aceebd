namespace LeadPlugins.Solution.Tests;

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static void DeleteTempDirectories() => TestRepo.DeleteTempDirectories();
}
