using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using LeadPlugins.Solution.Registration;

namespace LeadPlugins.Solution.Tests;

/// <summary>Registration read from a deliberately damaged copy of a built assembly: findings, never an exception.</summary>
[TestClass]
public sealed class DamagedAssemblyTests
{
    /// <summary>
    /// The zip fuzzer found a damaged DLL whose mscorlib reference named an assembly 'i': decoding the enum arguments of
    /// [PluginStep] then needs a type from an assembly that does not exist. Here the reference is renamed on purpose.
    /// </summary>
    [TestMethod]
    public void An_attribute_argument_whose_type_is_in_a_missing_assembly_is_a_finding()
    {
        var damaged = WithReferenceRenamed(File.ReadAllBytes(TestRepo.FixtureAssembly), "mscorlib");

        var read = RegistrationReader.Read(damaged, "Fixture.dll", "Fixture.dll", siblings: null, referenceDirectories: null);

        var unreadable = read.Findings.Where(f => f.Rule == FindingCodes.AttributeUnreadable).ToList();
        Assert.IsTrue(unreadable.All(f => f.Severity == Severity.Error), string.Join("\n", unreadable));
        foreach (var (type, attribute) in new[] { ("FixtureCreateLeadPlugin", "[PluginStep]"), ("FixtureUpdateLeadPlugin", "[PluginStep]"), ("FixtureScoreLeadActivity", "[WorkflowActivity]") })
            Assert.IsTrue(unreadable.Any(f => f.Message.StartsWith("LeadPlugins.Solution.Tests.Fixtures." + type + ": " + attribute + " arguments cannot be read", StringComparison.Ordinal)),
                type + " " + attribute + " not reported:\n" + string.Join("\n", read.Findings));
    }

    /// <summary>A copy of <paramref name="image"/> whose reference to <paramref name="reference"/> names one of the image's own type names instead.</summary>
    private static byte[] WithReferenceRenamed(byte[] image, string reference)
    {
        var copy = (byte[])image.Clone();
        string newName;
        using (var pe = new PEReader(new MemoryStream(image, writable: false)))
        {
            var reader = pe.GetMetadataReader();
            var handle = reader.AssemblyReferences.Single(h => reader.GetString(reader.GetAssemblyReference(h).Name) == reference);
            var name = reader.TypeDefinitions.Select(h => reader.GetTypeDefinition(h).Name).First(n => reader.GetString(n).StartsWith("Fixture", StringComparison.Ordinal));
            newName = reader.GetString(name);
            // AssemblyRef row: four 2-byte version parts, 4-byte flags, PublicKeyOrToken (blob index), Name (string index), ...
            var blobIndexSize = reader.GetHeapSize(HeapIndex.Blob) < 0x10000 ? 2 : 4;
            var stringIndexSize = reader.GetHeapSize(HeapIndex.String) < 0x10000 ? 2 : 4;
            var at = pe.PEHeaders.MetadataStartOffset + reader.GetTableMetadataOffset(TableIndex.AssemblyRef)
                + (MetadataTokens.GetRowNumber(handle) - 1) * reader.GetTableRowSize(TableIndex.AssemblyRef) + 12 + blobIndexSize;
            var offset = MetadataTokens.GetHeapOffset(name);
            for (var i = 0; i < stringIndexSize; i++) copy[at + i] = (byte)(offset >> (8 * i));
        }
        using (var pe = new PEReader(new MemoryStream(copy, writable: false)))
        {
            var reader = pe.GetMetadataReader();
            Assert.IsTrue(reader.AssemblyReferences.Any(h => reader.GetString(reader.GetAssemblyReference(h).Name) == newName), "the reference was not renamed");
            Assert.IsFalse(reader.AssemblyReferences.Any(h => reader.GetString(reader.GetAssemblyReference(h).Name) == reference));
        }
        return copy;
    }
}
