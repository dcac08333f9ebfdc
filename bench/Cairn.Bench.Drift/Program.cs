// Drift calculation speed: 50 numeric features x 100,000 reference x 100,000 current rows, the full
// DriftCalculator.Compute (Evidently defaults: normed Wasserstein; and with every column forced to KS),
// and per column Cairn's KS and Wasserstein against SciPy's ks_2samp / wasserstein_distance on the same
// data in the same run (values and times). SciPy runs in python3 (override with CAIRN_BENCH_PYTHON).
//   dotnet run -c Release --project bench/Cairn.Bench.Drift -- [--features N] [--rows N] [--runs N]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cairn.Monitoring.Drift;
using Cairn.Monitoring.Statistics;
using Cairn.Testing;

var features = Arg("--features", 50);
var rows = Arg("--rows", 100_000);
var runs = Arg("--runs", 5);
Console.WriteLine($"load average at start: {LoadAverage()}; {Environment.ProcessorCount} cores");

var (reference, current) = Generate(features, rows);
var referenceColumns = reference.Select((v, i) => new DriftReferenceColumn { Name = $"f{i}", RowCount = rows, Values = v }).ToArray();
var currentColumns = current.Select((v, i) => new DriftCurrentColumn { Name = $"f{i}", Values = v }).ToArray();

// JIT warm-up on a small copy, so that the first timed call measures work, not compilation.
var (smallReference, smallCurrent) = Generate(features, 5_000);
DriftCalculator.Compute(
    [.. smallReference.Select((v, i) => new DriftReferenceColumn { Name = $"f{i}", RowCount = rows, Values = v })],
    [.. smallCurrent.Select((v, i) => new DriftCurrentColumn { Name = $"f{i}", Values = v })]);

// The first call sorts and caches every reference (a monitor reuses its training reference); later calls only sort the current side.
var cold = Time(() => DriftCalculator.Compute(referenceColumns, currentColumns));
var warm = Best(runs, () => DriftCalculator.Compute(referenceColumns, currentColumns));
var ksOptions = new DriftOptions { Method = DriftMethods.Ks };
var allKs = Best(runs, () => DriftCalculator.Compute(referenceColumns, currentColumns, ksOptions));
var psiOptions = new DriftOptions { Method = DriftMethods.Psi };
var allPsi = Best(runs, () => DriftCalculator.Compute(referenceColumns, currentColumns, psiOptions));
var result = DriftCalculator.Compute(referenceColumns, currentColumns);
Console.WriteLine();
Console.WriteLine($"| {features} features x {rows:N0} x {rows:N0} rows | seconds |");
Console.WriteLine("|---|---:|");
Console.WriteLine($"| default (normed Wasserstein), first call: sorts + caches references | {cold:F3} |");
Console.WriteLine($"| default (normed Wasserstein), reference cached, best of {runs} | {warm:F3} |");
Console.WriteLine($"| every column KS (asymptotic p-value), best of {runs} | {allKs:F3} |");
Console.WriteLine($"| every column PSI (Sturges bins), best of {runs} | {allPsi:F3} |");
Console.WriteLine($"drifted columns: {result.DriftedColumns} of {features} (share {result.Share:F2})");

// Per column, single-threaded, both sides sorting their inputs as SciPy does.
var cairn = new List<(double KsStatistic, double KsP, double KsSeconds, double W, double WSeconds)>();
for (var f = 0; f < features; f++)
{
    KsResult ks = null!;
    double w = 0;
    var ksSeconds = Best(3, () => ks = KolmogorovSmirnov.Test(reference[f], current[f]));
    var wSeconds = Best(3, () => w = Wasserstein.Distance(reference[f], current[f]));
    cairn.Add((ks.Statistic, ks.PValue, ksSeconds, w, wSeconds));
}

var scipy = RunScipy(reference, current, rows);
if (scipy is null)
{
    return;
}

var columns = scipy.RootElement.GetProperty("columns").EnumerateArray().ToArray();
double maxStatError = 0, maxPError = 0, maxWError = 0, scipyKs = 0, scipyW = 0;
for (var f = 0; f < features; f++)
{
    var s = columns[f];
    maxStatError = Math.Max(maxStatError, Relative(s.GetProperty("ks_statistic").GetDouble(), cairn[f].KsStatistic));
    maxPError = Math.Max(maxPError, PError(s.GetProperty("ks_pvalue").GetDouble(), cairn[f].KsP));
    maxWError = Math.Max(maxWError, Relative(s.GetProperty("wasserstein").GetDouble(), cairn[f].W));
    scipyKs += s.GetProperty("ks_seconds").GetDouble();
    scipyW += s.GetProperty("wasserstein_seconds").GetDouble();
}

var cairnKs = cairn.Sum(c => c.KsSeconds);
var cairnW = cairn.Sum(c => c.WSeconds);
var scipyDefault = scipy.RootElement.GetProperty("default_drift_seconds").GetDouble();
Console.WriteLine();
Console.WriteLine($"SciPy {scipy.RootElement.GetProperty("scipy").GetString()}, numpy {scipy.RootElement.GetProperty("numpy").GetString()}; per column best of 3, summed over {features} columns, one thread");
Console.WriteLine("| per column | Cairn (s) | SciPy (s) | SciPy / Cairn | max relative difference |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Console.WriteLine($"| KS statistic + p-value (ks_2samp) | {cairnKs:F3} | {scipyKs:F3} | {scipyKs / cairnKs:F1}x | D {maxStatError:E1}, p {maxPError:E1} |");
Console.WriteLine($"| Wasserstein (wasserstein_distance) | {cairnW:F3} | {scipyW:F3} | {scipyW / cairnW:F1}x | {maxWError:E1} |");
Console.WriteLine($"| default drift, all columns (Cairn parallel, reference cached / SciPy loop) | {warm:F3} | {scipyDefault:F3} | {scipyDefault / warm:F1}x | |");
Console.WriteLine($"load average at end: {LoadAverage()}");

static (double[][] Reference, double[][] Current) Generate(int features, int rows)
{
    var random = new Random(42);
    var reference = new double[features][];
    var current = new double[features][];
    for (var f = 0; f < features; f++)
    {
        // Every third feature drifts a little (mean shift of 0.15 std), others are stable.
        double mean = f, std = 1 + (f % 3), shift = f % 3 == 0 ? 0.15 * std : 0;
        reference[f] = Normals(random, rows, mean, std);
        current[f] = Normals(random, rows, mean + shift, std);
    }

    return (reference, current);
}

static double[] Normals(Random random, int n, double mean, double std)
{
    var values = new double[n];
    for (var i = 0; i < n; i++)
    {
        // Box–Muller, rounded to 3 decimals like real sensor data (gives ties too).
        var u = 1.0 - random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
        values[i] = Math.Round(mean + (std * z), 3);
    }

    return values;
}

static JsonDocument? RunScipy(double[][] reference, double[][] current, int rows)
{
    var python = Environment.GetEnvironmentVariable("CAIRN_BENCH_PYTHON") ?? "python3";
    using var temp = new TempDirectory("cairn-bench-drift");
    var data = Path.Combine(temp.Path, "data.f64");
    using (var stream = File.Create(data))
    using (var writer = new BinaryWriter(stream))
    {
        foreach (var column in reference.Concat(current))
        {
            foreach (var value in column)
            {
                writer.Write(value);
            }
        }
    }

    var script = Path.Combine(temp.Path, "scipy_drift.py");
    using (var resource = typeof(Program).Assembly.GetManifestResourceStream("scipy_drift.py") ?? throw new InvalidOperationException("scipy_drift.py resource missing"))
    using (var file = File.Create(script))
    {
        resource.CopyTo(file);
    }

    var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { script, data, reference.Length.ToString(CultureInfo.InvariantCulture), rows.ToString(CultureInfo.InvariantCulture), rows.ToString(CultureInfo.InvariantCulture), "3" })
    {
        start.ArgumentList.Add(argument);
    }

    try
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"SciPy comparison skipped: {python} failed: {error.Result.Trim()} (set CAIRN_BENCH_PYTHON to a python3 with scipy)");
            return null;
        }

        return JsonDocument.Parse(output.Result);
    }
    catch (System.ComponentModel.Win32Exception e)
    {
        Console.WriteLine($"SciPy comparison skipped: cannot start {python}: {e.Message}");
        return null;
    }
}

static double Relative(double expected, double actual) =>
    expected == actual ? 0 : Math.Abs(expected - actual) / Math.Abs(expected);

static double PError(double expected, double actual) =>
    Math.Abs(expected) < 1e-12 ? Math.Abs(expected - actual) : Relative(expected, actual);

static double Time(Action action)
{
    var sw = Stopwatch.StartNew();
    action();
    return sw.Elapsed.TotalSeconds;
}

static double Best(int runs, Action action)
{
    var best = double.MaxValue;
    for (var i = 0; i < runs; i++)
    {
        best = Math.Min(best, Time(action));
    }

    return best;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
