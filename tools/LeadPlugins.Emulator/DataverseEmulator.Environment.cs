using System.IO.Compression;
using System.Xml.Linq;
using LeadPlugins.InMemory;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Emulator;

// The environment doctor reads: installed solutions and steps (from a solution zip), system jobs, plug-in traces.
public sealed partial class DataverseEmulator
{
    // ---------- state for doctor ----------

    /// <summary>Records an installed solution (what doctor reads from solutions).</summary>
    public void AddSolution(string uniqueName, string version, string friendlyName, bool managed = true)
    {
        lock (_gate)
            _solutions.Add(VirtualTables.Row(VirtualTables.Solution, DeterministicId("solution|" + uniqueName),
                ("uniquename", uniqueName), ("friendlyname", friendlyName), ("version", version), ("ismanaged", managed)));
    }

    /// <summary>Marks an installed step disabled (statecode 1), as an admin can in the maker portal.</summary>
    public void DisableStep(string name)
    {
        lock (_gate)
        {
            if (!_installedSteps.TryGetValue(name, out var step)) throw new ArgumentException("No installed step named '" + name + "'.");
            step["statecode"] = new OptionSetValue(1);
            step["statuscode"] = new OptionSetValue(2);
        }
    }

    /// <summary>Adds a system job row (e.g. a failed one from before the emulator started).</summary>
    public void AddSystemJob(string name, bool failed, string message, DateTime createdOn)
    {
        lock (_gate)
            _extraJobs.Add(VirtualTables.Row(VirtualTables.SystemJob, Guid.NewGuid(), ("name", name), ("operationtype", new OptionSetValue(1)),
                ("statecode", new OptionSetValue(3)), ("statuscode", new OptionSetValue(failed ? 31 : 30)), ("message", message),
                ("createdon", createdOn), ("completedon", createdOn)));
    }

    /// <summary>
    /// Installs a solution zip: solution.xml's name and version become a solutions row, and every step of
    /// customizations.xml is registered in the in-memory pipeline by its plug-in type's name (types are looked up in
    /// <paramref name="pluginAssemblies"/>). Returns one line per step that could not be registered.
    /// </summary>
    public IReadOnlyList<string> Install(string zipPath, params System.Reflection.Assembly[] pluginAssemblies)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        XDocument Read(string entry)
        {
            var file = zip.GetEntry(entry) ?? throw new InvalidDataException(zipPath + " has no " + entry + ": not a solution zip.");
            using var stream = file.Open();
            return XDocument.Load(stream);
        }
        var manifest = Read("solution.xml").Root!.Element("SolutionManifest")!;
        var problems = new List<string>();
        lock (_gate)
        {
            var uniqueName = (string?)manifest.Element("UniqueName") ?? "unknown";
            _solutions.RemoveAll(s => (string?)s["uniquename"] == uniqueName);
            var friendly = manifest.Element("LocalizedNames")?.Elements().FirstOrDefault()?.Attribute("description")?.Value ?? uniqueName;
            _solutions.Add(VirtualTables.Row(VirtualTables.Solution, DeterministicId("solution|" + uniqueName), ("uniquename", uniqueName),
                ("friendlyname", friendly), ("version", (string?)manifest.Element("Version") ?? "0.0.0.0"), ("ismanaged", (string?)manifest.Element("Managed") == "1")));

            var types = pluginAssemblies.SelectMany(a => a.GetTypes()).Where(t => typeof(IPlugin).IsAssignableFrom(t)).ToDictionary(t => t.FullName!, StringComparer.Ordinal);
            var registered = new HashSet<Type>();
            foreach (var step in Read("customizations.xml").Descendants("SdkMessageProcessingStep"))
            {
                var name = (string?)step.Attribute("Name") ?? "(unnamed)";
                var typeName = ((string?)step.Element("PluginTypeName") ?? string.Empty).Split(',')[0].Trim();
                _installedSteps[name] = VirtualTables.Row(VirtualTables.Step, DeterministicId("step|" + name), ("name", name),
                    ("statecode", new OptionSetValue(0)), ("statuscode", new OptionSetValue(1)),
                    ("stage", new OptionSetValue((int?)step.Element("Stage") ?? 0)), ("mode", new OptionSetValue((int?)step.Element("Mode") ?? 0)),
                    ("rank", (int?)step.Element("Rank") ?? 1), ("filteringattributes", (string?)step.Element("FilteringAttributes")), ("eventhandlername", typeName));
                if (!types.TryGetValue(typeName, out var type))
                {
                    problems.Add("Step '" + name + "': plug-in type " + typeName + " is not in the emulator's assemblies; it will not run.");
                    continue;
                }
                // The zip's steps are generated from the same [PluginStep] attributes: registering the type registers them.
                if (registered.Add(type) && type.GetCustomAttributes(typeof(LeadPlugins.Plugins.Registration.PluginStepAttribute), false).Length > 0)
                    _dataverse.RegisterPlugin(type, (string?)step.Element("Configuration"));
            }
        }
        return problems;
    }

    private static Guid DeterministicId(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }

    private string? NameOf(EntityReference reference)
    {
        var table = _dataverse.Schema.FindTable(reference.LogicalName);
        if (table?.PrimaryName == null) return null;
        return _dataverse.Get(reference.LogicalName, reference.Id)?.GetAttributeValue<string>(table.PrimaryName);
    }

    private IEnumerable<Entity> VirtualRows(string table) => table switch
    {
        VirtualTables.Solution => _solutions.ToList(),
        VirtualTables.Step => _installedSteps.Values.ToList(),
        VirtualTables.SystemJob => _dataverse.AsyncJobs.Select(job => VirtualTables.Row(VirtualTables.SystemJob, job.Id,
                ("name", job.Step.Name), ("operationtype", new OptionSetValue(1)), ("statecode", new OptionSetValue(job.Status == AsyncJobStatus.Waiting ? 0 : 3)),
                ("statuscode", new OptionSetValue(job.Status switch { AsyncJobStatus.Succeeded => 30, AsyncJobStatus.Failed => 31, _ => 0 })),
                ("message", job.Error), ("createdon", _dataverse.Now())))
            .Concat(_extraJobs).ToList(),
        VirtualTables.TraceLog => _dataverse.Traces.Select((line, i) => VirtualTables.Row(VirtualTables.TraceLog, DeterministicId("trace|" + i),
                ("typename", line.Execution.PluginType.FullName), ("messagename", line.Execution.MessageName), ("primaryentity", line.Execution.PrimaryEntityName),
                ("messageblock", line.Text), ("exceptiondetails", line.Execution.Error), ("createdon", _dataverse.Now())))
            .ToList(),
        _ => Array.Empty<Entity>(),
    };
}
