// The serving benchmark (issue 4): a LightGBM multiclass model on the Seattle weather data, served by a
// Cairn server in its own process, loaded over loopback by wrk (saturation) and hey (a fixed rate), with
// the in-process ceilings measured in the same run. Prints a markdown table for docs/benchmarks.md.
//   dotnet run -c Release --project bench/Cairn.Bench.Serving -- [--quick] [--no-http]
//   dotnet run -c Release --project bench/Cairn.Bench.Serving -- --monitoring [--quick]   (issue 5: monitoring's cost to serving)
//   (internal) --serve --port N --home DIR [--no-prediction-log]
using System.Globalization;
using System.Text.Json;
using Cairn.Bench.Serving;
using Cairn.Cli;

if (args.Contains("--serve"))
{
    return await ServeMode.RunAsync(args);
}

if (args.Contains("--monitoring"))
{
    return await MonitoringCost.RunAsync(TimeSpan.FromSeconds(args.Contains("--quick") ? 5 : 10));
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var duration = TimeSpan.FromSeconds(quick ? 5 : 15);
var batchRows = quick ? 200_000 : 1_000_000;
var work = Path.Combine(Path.GetTempPath(), "cairn-bench-serving-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
var rows = new List<BenchRow>();
try
{
    Console.Error.WriteLine("training the model ...");
    var model = await BenchModel.TrainAsync();
    var cores = Environment.ProcessorCount;

    var single = InProcessLimits.SingleRowRate(model, 1, duration);
    var parallel = InProcessLimits.SingleRowRate(model, cores, duration);
    rows.Add(new BenchRow("in-process single-row scoring, 1 thread (PredictionEngine, the limit)", $"{single:N0} rows/s", "reference"));
    rows.Add(new BenchRow($"in-process single-row scoring, {cores} threads", $"{parallel:N0} rows/s", "reference"));

    var csv = await BenchModel.RepeatedCsvAsync(work, batchRows);
    var (raw, _) = await InProcessLimits.RawTableRateAsync(model, csv);
    var batch = await InProcessLimits.BatchScorerRateAsync(model, csv, work);
    rows.Add(new BenchRow($"raw in-process ML.NET scoring of a loaded table ({batchRows:N0} rows)", $"{raw:N0} rows/s", "reference"));
    rows.Add(new BenchRow("batch scoring engine of `cairn score`: CSV → Parquet, streaming", $"{batch:N0} rows/s ({batch / raw:P0} of raw)", "≥ 80% of raw"));

    if (args.Contains("--no-http"))
    {
        rows.Add(new BenchRow("HTTP benchmarks", "skipped (--no-http)", ""));
    }
    else if (!LoadTools.Available("wrk") || !LoadTools.Available("hey"))
    {
        rows.Add(new BenchRow("HTTP benchmarks", "skipped: install wrk and hey (apt-get install -y wrk hey)", ""));
    }
    else
    {
        await HttpBenchmarksAsync(model, csv, rows, duration, work);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(quick ? "quick" : "full")} run");
Console.WriteLine();
Console.WriteLine(BenchRow.Markdown(rows));
return 0;

static async Task HttpBenchmarksAsync(BenchModel model, string csv, List<BenchRow> rows, TimeSpan duration, string work)
{
    var body = model.OipBody();
    LoadResult saturated;
    await using (var server = await ServerProcess.StartAsync(predictionLog: true))
    {
        if (!await ServingSetup.DeployAsync(server.Address, model))
        {
            rows.Add(new BenchRow("HTTP benchmarks", "skipped: this build has no deployment API", ""));
            return;
        }

        await ServingSetup.CheckInferAsync(server.Address, body);
        var infer = new Uri(server.Address, $"v2/models/{ServingSetup.Deployment}/infer");
        await LoadTools.WrkAsync(infer, body, work, 2, 64, TimeSpan.FromSeconds(3));
        saturated = await LoadTools.WrkAsync(infer, body, work, 2, 64, duration);
        rows.Add(new BenchRow("OIP JSON single-row infer at saturation (wrk -t2 -c64, logging on)",
            $"{saturated.RequestsPerSecond:N0} req/s (p50 {saturated.P50Ms:F2} ms, p99 {saturated.P99Ms:F2} ms, {saturated.Failures} failed)",
            "≥ 15,000 req/s; KServe ~500, MLServer ~1,300, MLflow FastAPI ~3,300"));

        var half = saturated.RequestsPerSecond / 2;
        var paced = await LoadTools.HeyAsync(infer, body, work, half, 32, duration);
        rows.Add(new BenchRow($"OIP infer at half that rate (hey -c32 -q, target {half:N0} req/s)",
            $"{paced.RequestsPerSecond:N0} req/s: p50 {paced.P50Ms:F2} ms, p99 {paced.P99Ms:F2} ms, {paced.Failures} failed", "p99 ≤ 5 ms"));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = Path.Combine(work, "cli-scored.parquet");
        var exit = await CairnCli.RunAsync(["score", "--deployment", ServingSetup.Deployment, "--input", csv, "--output", output, "--json", "--server", server.Address.ToString()], stdout, stderr);
        if (exit == 0)
        {
            var perSecond = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("rows_per_second").GetDouble();
            rows.Add(new BenchRow("`cairn score` end to end (resolve deployment, download bundle, CSV → Parquet)", $"{perSecond:N0} rows/s", "≥ 80% of raw"));
        }
        else
        {
            rows.Add(new BenchRow("`cairn score` end to end", $"failed (exit {exit}): {stderr.ToString().Trim()}", ""));
        }
    }

    await using (var server = await ServerProcess.StartAsync(predictionLog: false))
    {
        await ServingSetup.DeployAsync(server.Address, model);
        var infer = new Uri(server.Address, $"v2/models/{ServingSetup.Deployment}/infer");
        await LoadTools.WrkAsync(infer, body, work, 2, 64, TimeSpan.FromSeconds(3));
        var unlogged = await LoadTools.WrkAsync(infer, body, work, 2, 64, duration);
        rows.Add(new BenchRow("OIP infer at saturation, prediction log off",
            $"{unlogged.RequestsPerSecond:N0} req/s; logging on costs {1 - (saturated.RequestsPerSecond / unlogged.RequestsPerSecond):P1}", "logging costs ≤ 10%"));
    }
}
