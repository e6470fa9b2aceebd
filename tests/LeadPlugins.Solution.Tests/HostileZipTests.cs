using System.IO.Compression;
using LeadPlugins.Cli.Output;
using LeadPlugins.Solution;

namespace LeadPlugins.Solution.Tests;

/// <summary>
/// `verify` as a gatekeeper for zips from anywhere (issue 17): unsafe entry names, zip bombs (generated here by
/// streaming zeros, never committed), damaged and re-signed DLLs, and --schemas. Each case is one clean outcome
/// through the real CLI: findings, exit 1, no exception, no raw control character in the output.
/// </summary>
[TestClass]
public sealed class HostileZipTests
{
    private static byte[] _good = Array.Empty<byte>();
    private static string _assemblyEntry = string.Empty;

    [ClassInitialize]
    public static void PackOnce(TestContext context)
    {
        var result = TestRepo.Packed;
        _good = File.ReadAllBytes(result.ZipPath!);
        _assemblyEntry = result.Solution!.Assemblies.Single().ZipEntryName;
    }

    private static (int Exit, string Output) Run(params string[] args) => CliTests.Run(args);

    private static string WriteZip(byte[] zip, string name = "hostile.zip")
    {
        var path = Path.Combine(TestRepo.NewTempDirectory(), name);
        File.WriteAllBytes(path, zip);
        return path;
    }

    /// <summary>The good zip with one more entry of this name (and content).</summary>
    private static byte[] WithEntry(string name, byte[]? content = null)
    {
        using var output = new MemoryStream();
        output.Write(_good);
        using (var archive = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(content ?? "<x/>"u8.ToArray());
        }
        return output.ToArray();
    }

    private static void AssertCleanLines(string output)
    {
        foreach (var line in output.Split('\n'))
            Assert.IsFalse(SafeText.HasUnsafeCharacters(line.TrimEnd('\r')), "raw control character in: " + line);
    }

    [TestMethod]
    [DataRow("../../../../etc/cron.d/evil.xml", "'..'")]
    [DataRow("/etc/cron.d/evil.xml", "absolute path")]
    [DataRow("C:/Windows/evil.xml", "drive letter")]
    [DataRow("PluginAssemblies\\evil.xml", "backslash")]
    [DataRow("evil\u001b]0;pwned\u0007.xml", "control")]
    [DataRow("evil\u202Elmx.exe", "bidi")]
    public void An_unsafe_entry_name_is_an_error(string name, string reason)
    {
        var (exit, output) = Run("verify", WriteZip(WithEntry(name)), "--format", "lines");
        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "error " + FindingCodes.BadEntryName);
        StringAssert.Contains(output, reason);
        AssertCleanLines(output);
    }

    [TestMethod]
    public void A_duplicate_entry_is_an_error()
    {
        var (exit, output) = Run("verify", WriteZip(WithEntry("Solution.XML")), "--format", "lines");
        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "duplicate entry");
    }

    [TestMethod]
    [DataRow(1024L)]
    [DataRow(3072L)]
    public void A_zip_bomb_is_refused_before_reading(long megabytes)
    {
        // Streaming zeros through Deflate: a ~1% zip whose entry claims gigabytes (ZIP64 above 4 GB is not needed).
        var path = Path.Combine(TestRepo.NewTempDirectory(), "bomb.zip");
        using (var file = File.Create(path))
        using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry(SolutionVerifier.CustomizationsEntry, CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0L; i < megabytes; i++) stream.Write(zeros);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (exit, output) = Run("verify", path, "--format", "lines");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "error " + FindingCodes.EntryTooLarge + " customizations.xml: entry declares " + megabytes + " MB uncompressed");
        Assert.IsTrue(allocated < 100L * 1024 * 1024, "verify allocated " + allocated / 1024 / 1024 + " MB for a bomb it refused");
    }

    [TestMethod]
    public void An_entry_holding_more_than_it_declares_is_read_only_up_to_its_declared_size()
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var stream = archive.CreateEntry(SolutionVerifier.CustomizationsEntry).Open())
            stream.Write(new byte[50_000_000]);
        var zip = output.ToArray();
        // The headers lie: 1,000 bytes uncompressed (local header at 0, central directory record found by its signature).
        BitConverter.GetBytes(1000).CopyTo(zip, 22);
        for (var i = zip.Length - 22; i >= 0; i--)
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 1 && zip[i + 3] == 2) BitConverter.GetBytes(1000).CopyTo(zip, i + 24);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = SolutionVerifier.Verify(zip, "lying.zip");
        Assert.IsTrue(GC.GetAllocatedBytesForCurrentThread() - before < 10L * 1024 * 1024, "read beyond the declared size");
        Assert.IsTrue(report.HasErrors);
    }

    [TestMethod]
    public void A_highly_compressed_entry_under_the_size_limit_is_refused_by_its_ratio()
    {
        var report = SolutionVerifier.Verify(WithEntry("PluginAssemblies/zeros.bin", new byte[20 * 1024 * 1024]), "ratio.zip");
        var finding = report.Findings.Single(f => f.Rule == FindingCodes.EntryTooLarge);
        StringAssert.Contains(finding.Message, ":1");
        StringAssert.Contains(finding.Message, "zip bomb");
    }

    [TestMethod]
    public void A_zip_listing_too_many_entries_is_refused_from_its_end_record()
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i <= ZipEntryGuard.MaxEntries; i++) archive.CreateEntry("e" + i);
        var report = SolutionVerifier.Verify(output.ToArray(), "many.zip");
        StringAssert.Contains(report.Findings.Single().Message, "lists " + (ZipEntryGuard.MaxEntries + 1) + " entries");
    }

    [TestMethod]
    public void A_directory_given_as_the_zip_says_so()
    {
        var (exit, output) = Run("verify", TestRepo.NewTempDirectory());
        Assert.AreEqual(1, exit);
        StringAssert.Contains(output, "is a directory, not a zip file");
    }

    // ---------- assemblies ----------

    /// <summary>The packed zip with its plug-in assembly replaced by <paramref name="transform"/>'s bytes.</summary>
    private static byte[] WithAssembly(Func<byte[], byte[]> transform)
        => TestRepo.Rewrite(_good, (name, content) => name == _assemblyEntry ? transform(content) : content);

    [TestMethod]
    public void The_real_plugins_assembly_has_a_valid_signature_and_a_flipped_byte_breaks_it()
    {
        var dll = File.ReadAllBytes(TestRepo.PluginsAssembly);
        Assert.IsNull(StrongNameSignatureCheck.Problem(dll), "the built net462 LeadPlugins.Plugins.dll is signed with LeadPlugins.snk");
        foreach (var at in new[] { dll.Length / 3, dll.Length / 2, dll.Length - 700 })
        {
            var flipped = (byte[])dll.Clone();
            flipped[at] ^= 0x20;
            Assert.IsNotNull(StrongNameSignatureCheck.Problem(flipped), "byte " + at + " flipped");
        }
    }

    [TestMethod]
    public void Verify_reports_a_dll_changed_after_signing()
    {
        // A byte of the version resource: types and attributes still read, only the signature can tell.
        var report = SolutionVerifier.Verify(WithAssembly(dll =>
        {
            var copy = (byte[])dll.Clone();
            using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(dll));
            var resources = pe.PEHeaders.SectionHeaders.Single(s => s.Name == ".rsrc");
            copy[resources.PointerToRawData + 0x60] ^= 0x01;
            return copy;
        }), "resigned.zip");
        var finding = report.Findings.FirstOrDefault(f => f.Rule == FindingCodes.AssemblySignatureInvalid);
        Assert.IsNotNull(finding, string.Join("\n", report.Findings));
        Assert.AreEqual(_assemblyEntry, finding.File);
        Assert.IsTrue(report.HasErrors);
    }

    [TestMethod]
    public void A_dll_with_flipped_bytes_anywhere_is_a_finding_never_an_exception()
    {
        var dll = TestRepo.Entry(_good, _assemblyEntry);
        var random = new Random(17);
        for (var i = 0; i < 40; i++)
        {
            var damaged = (byte[])dll.Clone();
            for (var k = 0; k < 8; k++) damaged[random.Next(damaged.Length)] ^= (byte)random.Next(1, 256);
            var report = SolutionVerifier.Verify(WithAssembly(_ => damaged), "damaged.zip");
            Assert.IsTrue(report.HasErrors, "damaged copy " + i + " passed");
        }
    }

    [TestMethod]
    public void Verify_and_pack_report_a_dll_with_damaged_headers_through_the_cli()
    {
        var dll = File.ReadAllBytes(TestRepo.FixtureAssembly);
        for (var i = 0x80; i < 0x180; i++) dll[i] ^= 0xFF; // PE and section headers
        var damagedPath = Path.Combine(TestRepo.NewTempDirectory(), "Damaged.dll");
        File.WriteAllBytes(damagedPath, dll);

        var (verifyExit, verifyOutput) = Run("verify", WriteZip(WithAssembly(_ => dll)), "--format", "lines");
        Assert.AreEqual(1, verifyExit, verifyOutput);
        StringAssert.Contains(verifyOutput, "error " + FindingCodes.AssemblyUnreadable);

        var (packExit, packOutput) = Run("pack", "--config", TestRepo.ConfigPath, "-o", TestRepo.NewTempDirectory(), "--assembly", damagedPath, "--format", "lines");
        Assert.AreEqual(1, packExit, packOutput);
        StringAssert.Contains(packOutput, "error " + FindingCodes.AssemblyUnreadable);
        Assert.IsFalse(packOutput.Contains("   at ", StringComparison.Ordinal), "no stack trace");
    }

    [TestMethod]
    public void Pack_says_a_directory_given_as_assembly_is_a_directory()
    {
        var (exit, output) = Run("pack", "--config", TestRepo.ConfigPath, "-o", TestRepo.NewTempDirectory(), "--assembly", TestRepo.NewTempDirectory(), "--format", "lines");
        Assert.AreEqual(1, exit);
        StringAssert.Contains(output, "is a directory, not an assembly");
    }

    // ---------- --schemas ----------

    [TestMethod]
    public void Schemas_option_wins_over_the_environment_and_a_wrong_one_is_an_error()
    {
        var zip = WriteZip(_good);
        var good = DataverseSchemaLocator.Locate()!;
        var saved = Environment.GetEnvironmentVariable(DataverseSchemaLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataverseSchemaLocator.EnvironmentVariable, good);
            var wrong = Run("verify", zip, "--schemas", Path.Combine(TestRepo.NewTempDirectory(), "nowhere"));
            Assert.AreEqual(2, wrong.Exit, wrong.Output);
            StringAssert.Contains(wrong.Output, "error: --schemas: no such directory");

            var empty = Run("verify", zip, "--schemas", TestRepo.NewTempDirectory(), "--format", "lines");
            Assert.AreEqual(1, empty.Exit, empty.Output);
            StringAssert.Contains(empty.Output, "error " + FindingCodes.SchemasMissing);

            Environment.SetEnvironmentVariable(DataverseSchemaLocator.EnvironmentVariable, TestRepo.NewTempDirectory());
            var given = Run("verify", zip, "--schemas", good);
            Assert.AreEqual(0, given.Exit, given.Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataverseSchemaLocator.EnvironmentVariable, saved);
        }
    }
}
