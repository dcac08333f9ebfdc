// Import + hash + profile throughput of the data area on a generated 1M-row, 20-column CSV, with
// baselines measured on the same file in the same run (raw read + SHA-256, and a plain line count).
//   dotnet run -c Release --project bench/Cairn.Bench.Data -- [--rows N] [--runs N]
using System.Diagnostics;
using System.Security.Cryptography;
using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Data;
using Cairn.Data.Formats;
using Cairn.Data.Import;
using Cairn.Data.Profiling;
using Cairn.Bench.Data;
using Cairn.Testing;

var rows = Arg("--rows", 1_000_000);
var runs = Arg("--runs", 3);
using var temp = new TempDirectory("cairn-bench-data");
var csv = Path.Combine(temp.Path, "data.csv");
var sw = Stopwatch.StartNew();
CsvGenerator.Write(csv, rows);
var size = new FileInfo(csv).Length;
Console.WriteLine($"generated {rows:N0} rows x 20 columns, {size / 1e6:F1} MB in {sw.Elapsed.TotalSeconds:F1} s");

await using var host = await StoreHost.CreateAsync();
var results = new List<(string Name, double Seconds)>();
for (var run = 0; run < runs; run++)
{
    results.Add(("baseline: File.ReadAllBytes + SHA-256", Time(() => SHA256.HashData(File.ReadAllBytes(csv)))));
    results.Add(("baseline: line count (StreamReader.ReadLine)", Time(() =>
    {
        using var reader = new StreamReader(csv);
        var n = 0;
        while (reader.ReadLine() is not null)
        {
            n++;
        }

        return n;
    })));
    results.Add(("profile only (parse + infer + profile)", await TimeAsync(async () =>
    {
        await using var file = File.OpenRead(csv);
        return await DatasetProfiler.ProfileAsync(file, DataFormat.Csv);
    })));

    // A fresh name and different bytes each run would change the file; instead import under a new
    // name (the version row is new, the content-addressed file is written once per run directory).
    var service = new DatasetService(host.Get<IDatasetStore>(), host.Get<IArtifactStore>(), TimeProvider.System);
    await host.Get<IArtifactStore>().DeleteAsync("datasets", CancellationToken.None);
    results.Add(("import (hash + parse + profile + store file + metadata)", await TimeAsync(() =>
        service.ImportFileAsync(new ImportRequest { Name = $"bench-{run}" }, csv, CancellationToken.None))));
}

Console.WriteLine();
Console.WriteLine("| measurement | best of " + runs + " (s) | MB/s | vs raw read + SHA-256 |");
Console.WriteLine("|---|---:|---:|---:|");
var baseline = results.Where(r => r.Name.StartsWith("baseline: File", StringComparison.Ordinal)).Min(r => r.Seconds);
foreach (var group in results.GroupBy(r => r.Name))
{
    var best = group.Min(r => r.Seconds);
    Console.WriteLine($"| {group.Key} | {best:F2} | {size / 1e6 / best:F0} | {best / baseline:F1}x time |");
}

return 0;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

static double Time<T>(Func<T> action)
{
    var sw = Stopwatch.StartNew();
    GC.KeepAlive(action());
    return sw.Elapsed.TotalSeconds;
}

static async Task<double> TimeAsync<T>(Func<Task<T>> action)
{
    var sw = Stopwatch.StartNew();
    GC.KeepAlive(await action());
    return sw.Elapsed.TotalSeconds;
}
