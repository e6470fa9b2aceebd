using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace LeadPlugins.Solution;

/// <summary>
/// pac.config at the repository root: the solution's identity and version, its publisher, the paths the build
/// uses and the environment to deploy to. The one place a release bumps the version.
/// </summary>
public sealed partial class PacConfig
{
    public const string FileName = "pac.config";

    public SolutionSection Solution { get; set; } = new();
    public PublisherSection Publisher { get; set; } = new();
    public PathsSection Paths { get; set; } = new();
    public EnvironmentSection Environment { get; set; } = new();

    /// <summary>Directory holding pac.config; relative paths resolve against it.</summary>
    [JsonIgnore]
    public string RootDirectory { get; private set; } = string.Empty;

    public sealed class SolutionSection
    {
        public string UniqueName { get; set; } = string.Empty;
        public string DisplayName { get; set; } = string.Empty;
        public string Description { get; set; } = string.Empty;
        public string Version { get; set; } = string.Empty;
        public bool Managed { get; set; }
    }

    public sealed class PublisherSection
    {
        public string UniqueName { get; set; } = string.Empty;
        public string DisplayName { get; set; } = string.Empty;
        public string Description { get; set; } = string.Empty;
        public string Prefix { get; set; } = string.Empty;
        public int OptionValuePrefix { get; set; }
    }

    public sealed class PathsSection
    {
        public string SolutionSource { get; set; } = "Solution/src";
        /// <summary>Deployable assemblies; "{configuration}" is replaced by the build configuration.</summary>
        public List<string> Assemblies { get; set; } = new();
        public string Output { get; set; } = "artifacts";
        /// <summary>Microsoft's XSDs; the LEADPLUGINS_SCHEMAS environment variable wins.</summary>
        public string Schemas { get; set; } = "../shared/schemas/dataverse";
    }

    public sealed class EnvironmentSection
    {
        public string Url { get; set; } = string.Empty;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Finds pac.config in <paramref name="start"/> or a parent directory (default: the current directory, then the app's directory).</summary>
    public static string Locate(string? start = null)
    {
        foreach (var origin in start != null ? new[] { start } : new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FileName);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException(FileName + " was not found in " + (start ?? Directory.GetCurrentDirectory()) + " or any parent directory; pass --config.");
    }

    public static PacConfig Load(string? path = null)
    {
        path ??= Locate();
        if (Directory.Exists(path)) path = Path.Combine(path, FileName);
        var config = JsonSerializer.Deserialize<PacConfig>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException(path + ": empty configuration");
        config.RootDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var problems = config.Validate();
        if (problems.Count > 0) throw new InvalidDataException(path + " is invalid:\n  " + string.Join("\n  ", problems));
        return config;
    }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!UniqueNamePattern().IsMatch(Solution.UniqueName)) problems.Add("solution.uniqueName must start with a letter and hold only letters, digits and underscores");
        if (string.IsNullOrWhiteSpace(Solution.DisplayName)) problems.Add("solution.displayName is required");
        if (!VersionPattern().IsMatch(Solution.Version)) problems.Add("solution.version must be major.minor.build.revision, e.g. 1.0.0.0");
        if (!UniqueNamePattern().IsMatch(Publisher.UniqueName)) problems.Add("publisher.uniqueName must start with a letter and hold only letters, digits and underscores");
        if (string.IsNullOrWhiteSpace(Publisher.DisplayName)) problems.Add("publisher.displayName is required");
        if (!PrefixPattern().IsMatch(Publisher.Prefix) || Publisher.Prefix.StartsWith("mscrm", StringComparison.Ordinal))
            problems.Add("publisher.prefix must be 2-8 lower-case letters or digits, start with a letter and not start with 'mscrm'");
        if (Publisher.OptionValuePrefix < 10000 || Publisher.OptionValuePrefix > 99999) problems.Add("publisher.optionValuePrefix must be between 10000 and 99999");
        if (Paths.Assemblies.Count == 0) problems.Add("paths.assemblies must list the deployable assemblies");
        return problems;
    }

    public string Resolve(string relativePath) => Path.GetFullPath(Path.Combine(RootDirectory, relativePath));

    public string SolutionSourceDirectory => Resolve(Paths.SolutionSource);

    public IReadOnlyList<string> AssemblyPaths(string configuration)
        => Paths.Assemblies.Select(a => Resolve(a.Replace("{configuration}", configuration, StringComparison.Ordinal))).ToList();

    public string OutputDirectory => Resolve(Paths.Output);

    /// <summary>LeadPlugins_1.0.0.0.zip (unmanaged) or LeadPlugins_1.0.0.0_managed.zip.</summary>
    public string ZipFileName(bool managed) => Solution.UniqueName + "_" + Solution.Version + (managed ? "_managed" : string.Empty) + ".zip";

    public string SchemaDirectory
    {
        get
        {
            var fromEnvironment = System.Environment.GetEnvironmentVariable(DataverseSchemaLocator.EnvironmentVariable);
            return !string.IsNullOrEmpty(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : Resolve(Paths.Schemas);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex UniqueNamePattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z][a-z0-9]{1,7}$")]
    private static partial Regex PrefixPattern();
}
