using System.Xml.Linq;
using LeadPlugins.Solution.Registration;

namespace LeadPlugins.Solution.Generation;

/// <summary>The three XML files of a packed solution, plus the assemblies that go under PluginAssemblies/.</summary>
public sealed record GeneratedSolution(
    XDocument Customizations,
    XDocument Manifest,
    XDocument ContentTypes,
    IReadOnlyList<PluginAssemblyRegistration> Assemblies);
