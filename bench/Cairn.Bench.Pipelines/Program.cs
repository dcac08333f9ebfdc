using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cairn.Bench.Pipelines;
using Cairn.Pipelines;
using Cairn.Pipelines.Steps;

// Orchestration overhead of the pipeline engine: a chain of noop steps (each step waits for the one
// before, so nothing overlaps) against calling the noop step directly, and a fully cached re-run.
const int ChainLength = 50;
const int Repeats = 3;
var culture = CultureInfo.InvariantCulture;

string Chain(int n, string name)
{
    var yaml = new StringBuilder($"name: {name}\nsteps:\n");
    for (var i = 0; i < n; i++)
    {
        yaml.Append(culture, $"  s{i}: {{ uses: noop{(i > 0 ? $", needs: [s{i - 1}]" : "")}, with: {{ i: {i} }} }}\n");
    }

    return yaml.ToString();
}

const string Seven = """
    name: seven
    steps:
      ingest:   { uses: noop, with: { what: ingest } }
      validate: { uses: noop, needs: [ingest] }
      split:    { uses: noop, needs: [validate] }
      train:    { uses: noop, needs: [split], with: { trainer: lightgbm } }
      evaluate: { uses: noop, needs: [train, split] }
      report:   { uses: noop, needs: [evaluate] }
      register: { uses: noop, needs: [evaluate] }
    """;

// Baseline: the step itself, called directly.
var noop = new NoopStep();
var sw = Stopwatch.StartNew();
for (var i = 0; i < 100_000; i++)
{
    await noop.RunAsync(null!, CancellationToken.None);
}

var baselineMs = sw.Elapsed.TotalMilliseconds / 100_000;
Console.WriteLine($"baseline: noop RunAsync called directly: {baselineMs * 1000:F3} µs per call");

foreach (var dispatch in new[] { PipelineDispatch.InProcess, PipelineDispatch.Hangfire })
{
    await using var engine = await BenchEngine.StartAsync(dispatch);
    await engine.RunAsync(Chain(3, "warmup"), noCache: true);
    var perStep = new List<double>();
    for (var r = 0; r < Repeats; r++)
    {
        sw.Restart();
        await engine.RunAsync(Chain(ChainLength, "chain"), noCache: true);
        perStep.Add(sw.Elapsed.TotalMilliseconds / ChainLength);
    }

    var first = new List<double>();
    var cached = new List<double>();
    for (var r = 0; r < Repeats; r++)
    {
        var yaml = Seven.Replace("lightgbm", "t" + r.ToString(culture), StringComparison.Ordinal);
        sw.Restart();
        await engine.RunAsync(yaml, noCache: false);
        first.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        var rerun = await engine.RunAsync(yaml, noCache: false);
        cached.Add(sw.Elapsed.TotalMilliseconds);
        if (rerun.Executions.Any(e => e.State != Cairn.Core.Pipelines.ExecutionState.Cached))
        {
            throw new InvalidOperationException("the re-run was not fully cached");
        }
    }

    Console.WriteLine($"{dispatch}: {ChainLength}-step noop chain: median {Median(perStep):F2} ms per step (overhead {Median(perStep) - baselineMs:F2} ms; runs: {string.Join(", ", perStep.Select(p => p.ToString("F2", culture)))})");
    Console.WriteLine($"{dispatch}: 7-step pipeline: first run median {Median(first):F0} ms, fully cached re-run median {Median(cached):F0} ms");
}

// Real steps: the seattle-weather example (import, validate, split, train, evaluate, register), first
// run and fully cached re-runs (which hash the CSV and resolve the compare_to alias for their keys).
var example = Path.Combine(RepositoryRoot(), "examples", "seattle-weather");
await using (var engine = await BenchEngine.StartAsync(PipelineDispatch.InProcess))
{
    var yaml = await File.ReadAllTextAsync(Path.Combine(example, "pipeline.yaml"));
    sw.Restart();
    await engine.RunAsync(yaml, noCache: false, example);
    var firstMs = sw.Elapsed.TotalMilliseconds;
    var cached = new List<double>();
    for (var r = 0; r < Repeats; r++)
    {
        sw.Restart();
        var rerun = await engine.RunAsync(yaml, noCache: false, example);
        cached.Add(sw.Elapsed.TotalMilliseconds);
        if (rerun.Executions.Any(e => e.State != Cairn.Core.Pipelines.ExecutionState.Cached))
        {
            throw new InvalidOperationException("the example's re-run was not fully cached");
        }
    }

    Console.WriteLine($"InProcess: seattle-weather example (6 real steps): first run {firstMs:F0} ms, fully cached re-run median {Median(cached):F0} ms");
}

// The first argument: how many alternating training runs (default 9; more on a busy machine).
var trainRepeats = args.Length > 0 ? int.Parse(args[0], culture) : 9;
var t = await TrainingBench.MeasureAsync(Path.Combine(example, "data", "seattle-weather.csv"), trainRepeats);
Console.WriteLine($"training (seattle-weather, LightGBM, {trainRepeats} alternating runs, medians): wall: direct {Median(t.Raw):F0} ms, " +
    $"train step in a pipeline {Median(t.Step):F0} ms ({Median(t.Step) / Median(t.Raw):F2}x), whole pipeline run {Median(t.Run):F0} ms ({Median(t.Run) / Median(t.Raw):F2}x); " +
    $"process CPU: direct {Median(t.RawCpu):F0} ms, whole pipeline run {Median(t.RunCpu):F0} ms ({Median(t.RunCpu) / Median(t.RawCpu):F2}x)");

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
