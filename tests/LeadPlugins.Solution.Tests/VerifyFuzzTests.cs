using System.IO.Compression;
using CsCheck;
using LeadPlugins.Cli;
using LeadPlugins.Cli.Output;
using LeadPlugins.Solution;
using Spectre.Console;

namespace LeadPlugins.Solution.Tests;

/// <summary>
/// Property tests (CsCheck) for `verify`: random bytes, random zips (hostile names, random and XML content, every
/// compression level) and randomly damaged copies of a real packed zip. Verify never throws, and the findings
/// printed as a table and as lines hold no raw control character. About 30,000 cases.
/// </summary>
[TestClass]
public sealed class VerifyFuzzTests
{
    private static byte[] _good = Array.Empty<byte>();

    [ClassInitialize]
    public static void PackOnce(TestContext context) => _good = File.ReadAllBytes(TestRepo.Packed.ZipPath!);

    private static readonly Gen<string> EntryName = Gen.Frequency(
        (4, Gen.OneOfConst(SolutionVerifier.ContentTypesEntry, SolutionVerifier.ManifestEntry, SolutionVerifier.CustomizationsEntry,
            "PluginAssemblies/A-00000000-0000-0000-0000-000000000001/A.dll", "WebResources/x.js", "Other/")),
        (2, Gen.OneOfConst("../evil.xml", "/abs.xml", "C:/x.xml", "a\\b.xml", "Solution.XML", "e\u001b[2J.xml", "b\u202Egnp.xml", "", ".", "a//b", "..")),
        (2, Gen.String[Gen.Char, 1, 30]));

    private static readonly Gen<byte[]> Content = Gen.Frequency(
        (3, Gen.Byte.Array[0, 300]),
        (2, Gen.OneOfConst("<ImportExportXml><SolutionManifest/></ImportExportXml>", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "<ImportExportXml><Entities/><SolutionPluginAssemblies><PluginAssembly FullName=\"A\"><FileName>/PluginAssemblies/A.dll</FileName></PluginAssembly></SolutionPluginAssemblies></ImportExportXml>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]><x>&a;&a;</x>", "<x>\u001b]0;pwned\u0007</x>", "not xml").Select(System.Text.Encoding.UTF8.GetBytes)));

    private static readonly Gen<byte[]> RandomZip = Gen.Select(Gen.Select(EntryName, Content, Gen.OneOfConst(CompressionLevel.NoCompression, CompressionLevel.Fastest, CompressionLevel.SmallestSize)).Array[0, 6],
        entries =>
        {
            using var output = new MemoryStream();
            using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var (name, content, level) in entries)
                {
                    if (name.Length == 0) continue; // ZipArchive refuses empty names itself
                    using var stream = archive.CreateEntry(name, level).Open();
                    stream.Write(content);
                }
            return output.ToArray();
        });

    private static void VerifyAndPrint(byte[] zip)
    {
        var report = SolutionVerifier.Verify(zip, "fuzz\u001b.zip");
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
        console.Profile.Width = 120;
        FindingPrinter.Print(console, report.Findings, FindingFormat.Lines, includeInfo: true);
        FindingPrinter.Print(console, report.Findings, FindingFormat.Table, includeInfo: true);
        FindingPrinter.Summary(console, "verify " + report.Source, report.Findings);
        foreach (var line in writer.ToString().Split('\n'))
            if (SafeText.HasUnsafeCharacters(line.TrimEnd('\r'))) throw new AssertFailedException("raw control character in: " + line);
    }

    [TestMethod]
    public void Random_bytes_are_never_an_exception()
        => Gen.Byte.Array[0, 400].Sample(VerifyAndPrint, iter: 10_000);

    [TestMethod]
    public void Random_zips_are_never_an_exception()
        => RandomZip.Sample(VerifyAndPrint, iter: 20_000);

    /// <summary>Copies of the packed zip with 1 to 6 bytes flipped by the same mask.</summary>
    private static Gen<byte[]> DamagedCopies => Gen.Select(Gen.Int[0, _good.Length - 1].Array[1, 6], Gen.Byte[1, 255], (positions, xor) =>
    {
        var copy = (byte[])_good.Clone();
        foreach (var at in positions) copy[at] ^= xor;
        return copy;
    });

    [TestMethod]
    public void Damaged_copies_of_a_real_zip_are_never_an_exception()
        => DamagedCopies.Sample(VerifyAndPrint, iter: 300);

    [TestMethod]
    public void A_damaged_public_key_found_by_the_fuzzer_is_a_finding()
        // The case CsCheck found on 2026-12-05: MetadataLoadContext threw SecurityException("Invalid assembly public key.").
        => DamagedCopies.Sample(VerifyAndPrint, iter: 300, seed: "b0E9sKblhrL2");
}
