using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// Cheap scans of the deployable sandbox assemblies (the net462 LeadPlugins.Plugins and LeadPlugins.Workflows files, built
/// by this project) and their sources: no locks, threads or parallelism, no ExecuteMultiple/ExecuteTransaction, no all-column
/// reads, no mutable static fields, no third-party assembly references.
/// </summary>
[TestClass]
public sealed partial class StaticChecksTests
{
    private static IReadOnlyList<string> SandboxAssemblies => typeof(StaticChecksTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Key.StartsWith("Net462:", StringComparison.Ordinal)).Select(a => a.Value!).ToList();

    /// <summary>Framework and Dataverse SDK assemblies the sandbox provides; anything else would have to be merged in.</summary>
    private static readonly HashSet<string> AllowedReferences = new(StringComparer.Ordinal)
    {
        "mscorlib", "System", "System.Core", "System.Runtime.Serialization", "System.ServiceModel", "System.Xml", "System.Xml.Linq",
        "System.Activities", "System.Data", "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow", "LeadPlugins.Plugins",
    };

    /// <summary>Types and members a plug-in must not use (type full name, or type + "::" + member).</summary>
    private static readonly string[] Forbidden =
    {
        "System.Threading.Monitor", "System.Threading.Thread", "System.Threading.ThreadPool", "System.Threading.Timer",
        "System.Threading.Tasks.Parallel", "System.Threading.Tasks.Task::Run", "System.Threading.Tasks.Task::Factory",
        "System.Threading.Tasks.TaskFactory", "System.Threading.Mutex", "System.Threading.Semaphore", "System.Threading.SemaphoreSlim",
        "Microsoft.Xrm.Sdk.Messages.ExecuteMultipleRequest", "Microsoft.Xrm.Sdk.Messages.ExecuteTransactionRequest",
        "System.Net.WebClient", "System.Net.Http.HttpClient",
    };

    [TestMethod]
    public void The_sandbox_assemblies_are_built_and_found()
    {
        var names = SandboxAssemblies.Select(Path.GetFileNameWithoutExtension).ToList();
        CollectionAssert.Contains(names, "LeadPlugins.Plugins");
        CollectionAssert.Contains(names, "LeadPlugins.Workflows");
        foreach (var path in SandboxAssemblies)
        {
            Assert.IsTrue(File.Exists(path), path);
            StringAssert.Contains(path, Path.DirectorySeparatorChar + "net462" + Path.DirectorySeparatorChar);
        }
    }

    [TestMethod]
    public void No_third_party_assembly_references()
    {
        foreach (var path in SandboxAssemblies)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
            var foreign = references.Where(r => !AllowedReferences.Contains(r)).ToList();
            Assert.IsEmpty(foreign, Path.GetFileName(path) + " references " + string.Join(", ", foreign));
        }
    }

    [TestMethod]
    public void No_locks_threads_parallelism_or_batch_requests_in_the_IL()
    {
        foreach (var path in SandboxAssemblies)
        {
            var used = ReferencedTypesAndMembers(path);
            var found = used.Where(u => Forbidden.Any(f => u == f || u.StartsWith(f + "::", StringComparison.Ordinal))).Distinct().ToList();
            Assert.IsEmpty(found, Path.GetFileName(path) + " uses " + string.Join(", ", found));
        }
    }

    [TestMethod]
    public void The_IL_scan_sees_what_a_plugin_would_use()
    {
        // The scan reads TypeRefs and MemberRefs: this test assembly itself uses Monitor (lock) and Task.Run.
        object gate = new();
        lock (gate) { }
        Task.Run(() => { }).Wait();
        var used = ReferencedTypesAndMembers(typeof(StaticChecksTests).Assembly.Location);
        CollectionAssert.Contains(used, "System.Threading.Monitor::Enter");
        CollectionAssert.Contains(used, "System.Threading.Tasks.Task::Run");
    }

    [TestMethod]
    public void No_mutable_static_fields_in_the_sandbox_assemblies()
    {
        foreach (var path in SandboxAssemblies)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            var mutable = new List<string>();
            foreach (var typeHandle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(typeHandle);
                var typeName = metadata.GetString(type.Name);
                if (IsCompilerGenerated(metadata, type.GetCustomAttributes()) || typeName.StartsWith('<')) continue; // lambda caches
                foreach (var fieldHandle in type.GetFields())
                {
                    var field = metadata.GetFieldDefinition(fieldHandle);
                    var attributes = field.Attributes;
                    if ((attributes & FieldAttributes.Static) == 0 || (attributes & (FieldAttributes.InitOnly | FieldAttributes.Literal)) != 0) continue;
                    mutable.Add(metadata.GetString(type.Namespace) + "." + typeName + "." + metadata.GetString(field.Name));
                }
            }
            Assert.IsEmpty(mutable, Path.GetFileName(path) + ": " + string.Join(", ", mutable));
        }
    }

    [TestMethod]
    public void No_all_column_reads_and_no_lock_statements_in_the_sources()
    {
        var offenders = new List<string>();
        foreach (var file in SecurityTests.ProductSources())
        {
            var text = StripComments(File.ReadAllText(file));
            if (AllColumns().IsMatch(text)) offenders.Add(file + ": all columns");
            if (LockStatement().IsMatch(text)) offenders.Add(file + ": lock");
            if (Threads().IsMatch(text)) offenders.Add(file + ": threads or parallelism");
        }
        Assert.IsEmpty(offenders, string.Join("\n", offenders));
        Assert.IsTrue(AllColumns().IsMatch("new ColumnSet( true )") && AllColumns().IsMatch("q.ColumnSet.AllColumns = true") && LockStatement().IsMatch("lock (x)"),
            "the patterns catch what they look for");
    }

    [GeneratedRegex(@"ColumnSet\s*\(\s*true\s*\)|AllColumns\s*=\s*true")]
    private static partial Regex AllColumns();

    [GeneratedRegex(@"\block\s*\(")]
    private static partial Regex LockStatement();

    [GeneratedRegex(@"\bParallel\.|\bTask\.Run\b|\bnew\s+Thread\s*\(|\bThreadPool\.")]
    private static partial Regex Threads();

    private static string StripComments(string source) => Regex.Replace(source, @"//[^\n]*|/\*.*?\*/", "", RegexOptions.Singleline);

    private static bool IsCompilerGenerated(MetadataReader metadata, CustomAttributeHandleCollection attributes)
    {
        foreach (var handle in attributes)
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind == HandleKind.TypeReference && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == nameof(CompilerGeneratedAttribute)) return true;
        }
        return false;
    }

    /// <summary>"Namespace.Type" for every TypeRef and "Namespace.Type::Member" for every MemberRef of the assembly.</summary>
    internal static List<string> ReferencedTypesAndMembers(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var result = new List<string>();
        string TypeName(TypeReferenceHandle h)
        {
            var t = metadata.GetTypeReference(h);
            var ns = metadata.GetString(t.Namespace);
            if (t.ResolutionScope.Kind == HandleKind.TypeReference) return TypeName((TypeReferenceHandle)t.ResolutionScope) + "+" + metadata.GetString(t.Name);
            return (ns.Length == 0 ? "" : ns + ".") + metadata.GetString(t.Name);
        }
        foreach (var h in metadata.TypeReferences) result.Add(TypeName(h));
        foreach (var h in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(h);
            string? owner = member.Parent.Kind switch
            {
                HandleKind.TypeReference => TypeName((TypeReferenceHandle)member.Parent),
                HandleKind.TypeSpecification => GenericOwner(metadata, (TypeSpecificationHandle)member.Parent, TypeName),
                _ => null,
            };
            if (owner != null) result.Add(owner + "::" + metadata.GetString(member.Name));
        }
        return result;
    }

    // Task<T>.Run and the like are MemberRefs on a TypeSpec: the generic type's definition is the first TypeRef in its blob.
    private static string? GenericOwner(MetadataReader metadata, TypeSpecificationHandle handle, Func<TypeReferenceHandle, string> typeName)
    {
        var blob = metadata.GetBlobReader(metadata.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
        blob.ReadSignatureTypeCode();
        var generic = blob.ReadTypeHandle();
        return generic.Kind == HandleKind.TypeReference ? typeName((TypeReferenceHandle)generic) : null;
    }
}
