using System.Globalization;
using BenchmarkDotNet.Attributes;
using LeadPlugins.Cli.Simulation;

namespace LeadPlugins.Benchmarks;

/// <summary>
/// `simulate` in process: generated leads (the shape of docs/cli.md's generator) through all seven plug-in steps, read
/// back and written as JSON lines to a null writer, as `simulate --json > /dev/null` does. Time and allocation are per
/// lead: the allocation figure does not drift with the machine's speed, the time does.
/// </summary>
[MemoryDiagnoser]
public class SimulateBenchmarks
{
    public const int Leads = 2_000;
    private static readonly SimulationEnvironment Environment = SimulationEnvironment.Load();
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
    private static readonly string[] Sources = { "AzureMarketplace-INS", "AppSource (SPZA)-PLT", "AzurePortal-Create", "AzureMarketplace-StartTestDrive", "AppSource (SPZA)-DNC" };
    private string _input = string.Empty;

    [GlobalSetup]
    public void Generate() => _input = string.Join("\n", Enumerable.Range(1, Leads).Select(Line));

    [Benchmark(OperationsPerInvoke = Leads)]
    public int Simulate_2000_generated_leads()
    {
        var simulator = new LeadSimulator(Environment, new SimulationOptions { Now = Now });
        return simulator.Run(new StringReader(_input), new JsonLinesOutput(TextWriter.Null, verbose: false)).Leads;
    }

    private static string Line(int i) => string.Format(CultureInfo.InvariantCulture,
        "{{\"subject\":\"{0}|contoso.offer{1}\",\"firstname\":\"First{2}\",\"lastname\":\"Last{2}\",\"emailaddress1\":\"customer{3}@company{4}.com\",\"telephone1\":\"+1 425 555 {5:0000}\",\"companyname\":\"Company {4}\",\"jobtitle\":\"IT Manager\",\"address1_country\":\"US\"}}",
        Sources[i % 5], i % 50, i, i % 90000, i % 900, i % 10000);
}
