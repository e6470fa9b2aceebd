using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LeadPlugins.Sdk.Tests.Metadata;

namespace LeadPlugins.Sdk.Tests;

/// <summary>
/// The deployable net462 LeadPlugins.Plugins.dll (built by this project's ProjectReference, read as a file): Dataverse only
/// accepts fully strong-name-signed plug-in assemblies, and the assembly must bind to Microsoft's SDK identity.
/// </summary>
[TestClass]
public sealed class PluginAssemblyTests
{
    private const string MicrosoftToken = "31bf3856ad364e35";

    [TestMethod]
    public void Net462_plugin_assembly_is_fully_strong_name_signed_with_our_key()
    {
        using var plugin = new PeAssembly(TestFiles.Get(TestFiles.PluginsNet462));
        var definition = plugin.Reader.GetAssemblyDefinition();
        var publicKey = plugin.Reader.GetBlobBytes(definition.PublicKey);
        Assert.IsNotEmpty(publicKey, "the assembly has no public key");
        Assert.AreNotEqual(MicrosoftToken, PeAssembly.TokenOf(publicKey, isFullKey: true), "signed with our key, not Microsoft's");

        var corHeader = plugin.PE.PEHeaders.CorHeader!;
        Assert.IsTrue((corHeader.Flags & CorFlags.StrongNameSigned) != 0, "CorFlags.StrongNameSigned is not set");

        // Public signing (PublicSign=true) also sets the flag but leaves the signature area zeroed: require a real signature.
        var directory = corHeader.StrongNameSignatureDirectory;
        Assert.IsGreaterThan(0, directory.Size, "no strong-name signature area");
        var signature = plugin.PE.GetSectionData(directory.RelativeVirtualAddress).GetContent(0, directory.Size);
        Assert.IsTrue(signature.Any(b => b != 0), "the strong-name signature is all zeros (public-signed or delay-signed, not signed)");
        Assert.AreEqual(publicKey.Length - 32, signature.Length, "an RSA signature as long as the key's modulus");
        Assert.IsTrue(StrongNameSignature.Verify(plugin.Path, publicKey), "the strong-name signature does not verify against the assembly's public key");
    }

    [TestMethod]
    public void The_signature_checks_reject_a_public_signed_assembly()
    {
        // Our SDK contracts are public-signed with Microsoft's public key only: flag set, key present, signature zeroed.
        using var contract = new PeAssembly(TestFiles.Get(TestFiles.ContractXrmSdk));
        var corHeader = contract.PE.PEHeaders.CorHeader!;
        Assert.IsTrue((corHeader.Flags & CorFlags.StrongNameSigned) != 0, "public signing sets the flag too");
        var directory = corHeader.StrongNameSignatureDirectory;
        var signature = contract.PE.GetSectionData(directory.RelativeVirtualAddress).GetContent(0, directory.Size);
        Assert.IsTrue(signature.All(b => b == 0), "public signing leaves the signature zeroed");
        var publicKey = contract.Reader.GetBlobBytes(contract.Reader.GetAssemblyDefinition().PublicKey);
        Assert.IsFalse(StrongNameSignature.Verify(contract.Path, publicKey));
    }

    [TestMethod]
    public void Net462_plugin_assembly_references_the_sdk_by_Microsofts_identity()
    {
        using var plugin = new PeAssembly(TestFiles.Get(TestFiles.PluginsNet462));
        var references = plugin.AssemblyReferences.ToDictionary(r => r.Name, r => plugin.ReferenceIdentity(r.Handle));
        Assert.IsTrue(references.ContainsKey("Microsoft.Xrm.Sdk"), "no reference to Microsoft.Xrm.Sdk");
        Assert.AreEqual("Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=" + MicrosoftToken, references["Microsoft.Xrm.Sdk"]);
        foreach (var name in new[] { "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" }.Where(references.ContainsKey))
            Assert.AreEqual(name + ", Version=9.0.0.0, Culture=neutral, PublicKeyToken=" + MicrosoftToken, references[name]);
        Assert.IsFalse(references.ContainsKey("netstandard"), "a net462 sandbox assembly must not need netstandard.dll");
        Assert.IsTrue(references.ContainsKey("mscorlib"), "built for .NET Framework");
    }
}
