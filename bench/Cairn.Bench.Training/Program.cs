using System.Diagnostics;
using System.Globalization;
using Cairn.Bench.Training;

// Training through Cairn.Training vs a hand-written ML.NET pipeline doing the same work (same
// data in memory, same featurization, same trainer and hyperparameters, fit + evaluate on the
// held-out rows). Runs alternate to share machine noise; the median of each is compared.
var repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var scenarios = new IScenario[]
{
    new SeattleLightGbm(),
    new BreastCancerScenario("lightgbm"),
    new BreastCancerScenario("sdca"),
};

Console.WriteLine($"Training benchmark: {repetitions} alternating runs each after one warm-up, median wall time, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| scenario | raw ML.NET (ms) | Cairn.Training (ms) | ratio | raw metric | Cairn metric |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var scenario in scenarios)
{
    var rawMetric = scenario.RunRaw();
    var cairnMetric = scenario.RunCairn();
    var raw = new List<double>();
    var cairn = new List<double>();
    for (var i = 0; i < repetitions; i++)
    {
        raw.Add(Time(() => rawMetric = scenario.RunRaw()));
        cairn.Add(Time(() => cairnMetric = scenario.RunCairn()));
    }

    var rawMedian = Median(raw);
    var cairnMedian = Median(cairn);
    Console.WriteLine(FormattableString.Invariant(
        $"| {scenario.Name} | {rawMedian:F0} | {cairnMedian:F0} | {cairnMedian / rawMedian:F2}x | {rawMetric:F4} | {cairnMetric:F4} |"));
}

static double Time(Action action)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
}
