using BenchmarkDotNet.Running;
using LeadPlugins.Benchmarks;

// All benchmark classes of this assembly; pick with --filter, e.g. --filter '*InMemoryDataverse*' --job short.
// "footprint" prints the memory held by 100,000 created leads (BenchmarkDotNet reports allocations, not retained size).
// "report" times the HTML report of 100,000 leads once and prints its size.
// "bulk" times 10,000 leads once per mode in one process and prints the plug-in reads and the ratios.
if (args.Length > 0 && args[0] == "footprint")
{
    InMemoryDataverseBenchmarks.PrintFootprint();
    return;
}
if (args.Length > 0 && args[0] == "bulk")
{
    BulkEnrichmentBenchmarks.PrintComparison();
    return;
}
if (args.Length > 0 && args[0] == "report")
{
    ReportBenchmarks.PrintOnePass();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(InMemoryDataverseBenchmarks).Assembly).Run(args);
