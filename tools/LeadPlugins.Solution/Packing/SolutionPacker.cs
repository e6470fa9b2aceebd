using System.IO.Compression;
using LeadPlugins.Solution.Generation;
using LeadPlugins.Solution.Registration;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution;

/// <summary>
/// Builds LeadPlugins_&lt;version&gt;.zip: reads pac.config, Solution/src and the built net462 assemblies, generates the
/// solution XML, writes a deterministic zip (fixed timestamps, sorted entries) in memory, runs every
/// <see cref="SolutionVerifier"/> check on it, and writes it only when no check fails.
/// </summary>
public static class SolutionPacker
{
    /// <summary>Zip entries get this timestamp so the same input always gives the same bytes.</summary>
    public static readonly DateTimeOffset FixedTimestamp = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PackResult Pack(PackOptions options)
    {
        var findings = new FindingList();
        PacConfig config;
        SolutionSource source;
        SolutionComponents components;
        try
        {
            config = PacConfig.Load(options.ConfigPath);
            source = SolutionSource.Load(config.SolutionSourceDirectory);
            components = SolutionComponents.Load(config.SolutionSourceDirectory);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or System.Xml.XmlException or System.Text.Json.JsonException)
        {
            findings.Error(FindingCodes.SourceInvalid, options.ConfigPath ?? PacConfig.FileName, 0, e.Message);
            return new PackResult(null, findings.Items, null);
        }

        var managed = options.Managed ?? config.Solution.Managed;
        var assemblyPaths = options.AssemblyPaths ?? config.AssemblyPaths(options.Configuration);
        var assemblies = ReadAssemblies(config, source, assemblyPaths, options, findings);
        var solution = SolutionGenerator.Generate(config, source, components, assemblies, managed, findings);
        var zip = WriteZip(solution);

        var report = SolutionVerifier.Verify(zip, config.ZipFileName(managed), new VerifyOptions
        {
            SchemaDirectory = config.SchemaDirectory,
            ReferenceDirectories = assemblyPaths.Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!).Concat(options.ReferenceDirectories).ToList(),
        });
        var seen = findings.Items.Select(f => (f.Severity, f.Rule, f.Message)).ToHashSet();
        findings.AddRange(report.Findings.Where(f => seen.Add((f.Severity, f.Rule, f.Message))));
        if (findings.HasErrors) return new PackResult(null, findings.Items, solution);

        var zipPath = OutputPath(config, options, managed);
        Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);
        File.WriteAllBytes(zipPath, zip);
        return new PackResult(zipPath, findings.Items, solution);
    }

    public static string OutputPath(PacConfig config, PackOptions options, bool managed)
    {
        if (options.Output != null && options.Output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return Path.GetFullPath(options.Output);
        var directory = options.Output != null ? Path.GetFullPath(options.Output) : config.OutputDirectory;
        return Path.Combine(directory, config.ZipFileName(managed));
    }

    private static List<PluginAssemblyRegistration> ReadAssemblies(PacConfig config, SolutionSource source, IReadOnlyList<string> paths, PackOptions options, FindingList findings)
    {
        var assemblies = new List<PluginAssemblyRegistration>();
        bool? IsDeclared(string table, string column) => source.FindTable(table) is { } t ? t.FindColumn(column) != null : null;
        foreach (var path in paths)
        {
            var label = Path.GetRelativePath(config.RootDirectory, path);
            if (Directory.Exists(path))
            {
                findings.Error(FindingCodes.AssemblyUnreadable, label, 0, "is a directory, not an assembly");
                continue;
            }
            if (!File.Exists(path))
            {
                findings.Error(FindingCodes.AssemblyEntryMissing, label, 0, "assembly not found; build it first (dotnet build -c " + options.Configuration + ")");
                continue;
            }
            var read = RegistrationReader.Read(path, options.ReferenceDirectories);
            findings.AddRange(read.Findings.Select(f => f with { File = label }));
            if (read.Assembly == null) continue;
            if (read.Assembly.Types.Count == 0)
            {
                // Dataverse refuses to register an assembly without plug-in or workflow activity types.
                findings.Warning(FindingCodes.AssemblyWithoutTypes, label, 0, "no plug-in or workflow activity types yet; left out of the zip");
                continue;
            }
            if (!read.Assembly.IsStrongNameSigned)
                findings.Error(FindingCodes.AssemblyNotSigned, label, 0, "not strong-name signed; sandbox assemblies must be signed with a key (see Plugins/Directory.Build.props)");
            else if (StrongNameSignatureCheck.Problem(read.Assembly.Content) is { } signature)
                findings.Error(FindingCodes.AssemblySignatureInvalid, label, 0, "the strong-name signature does not verify: " + signature + "; Dataverse refuses to register it");
            if (read.Assembly.Content.LongLength > RegistrationReader.MaxAssemblySize)
                findings.Error(FindingCodes.AssemblyTooLarge, label, 0, read.Assembly.Content.LongLength + " bytes; Dataverse accepts at most 16 MB");
            foreach (var step in read.Assembly.Steps)
                StepRuleFindings.Check(step, label, 0, findings, config.Publisher.Prefix, IsDeclared);
            assemblies.Add(read.Assembly);
        }
        foreach (var duplicate in assemblies.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            findings.Error(FindingCodes.DuplicateId, duplicate.Key, 0, "the same assembly is listed more than once");
        return assemblies.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
    }

    /// <summary>The packed layout: [Content_Types].xml, solution.xml, customizations.xml, PluginAssemblies/&lt;File&gt;-&lt;ID&gt;/&lt;File&gt;.dll.</summary>
    public static byte[] WriteZip(GeneratedSolution solution)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, SolutionVerifier.ContentTypesEntry, ExportXml.ContentTypesBytes(solution.ContentTypes));
            Add(archive, SolutionVerifier.ManifestEntry, ExportXml.ExportBytes(solution.Manifest));
            Add(archive, SolutionVerifier.CustomizationsEntry, ExportXml.ExportBytes(solution.Customizations));
            foreach (var assembly in solution.Assemblies.OrderBy(a => a.ZipEntryName, StringComparer.Ordinal))
                Add(archive, assembly.ZipEntryName, assembly.Content);
        }
        return stream.ToArray();
    }

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTimestamp;
        using var output = entry.Open();
        output.Write(content, 0, content.Length);
    }
}
