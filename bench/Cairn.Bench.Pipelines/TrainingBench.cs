using System.Diagnostics;
using Cairn.Data.Formats;
using Cairn.Data.Profiling;
using Cairn.Data.Reading;
using Cairn.Data.Serialization;
using Cairn.Pipelines;
using Cairn.Training;

namespace Cairn.Bench.Pipelines;

/// <summary>
/// Training inside a pipeline against the same work done directly: seattle-weather, LightGBM, the
/// example's time split. The pipeline re-runs only <c>train</c> (<c>cache: false</c>; import and split are
/// CACHED), so it pays orchestration, fetching its inputs from the artifact store, publishing the model
/// and mirroring the run to MLflow. The direct run reads the same split files, profiles the training
/// data, trains and saves the bundle — what the step does, without the engine. Runs alternate. The run
/// is polled every 10 ms (not 1 ms): on 2 cores a busy poll would take CPU from the training itself.
/// </summary>
internal static class TrainingBench
{
    private const string Spec = """
        name: train-bench
        steps:
          ingest: { uses: data.import, with: { path: seattle-weather.csv, dataset: seattle-weather } }
          split:  { uses: data.split, needs: [ingest], with: { strategy: time, order_by: date, train_until: "2014-01-01" } }
          train:
            uses: mlnet.train
            needs: [split]
            cache: false
            with: { task: multiclass, label: weather, trainer: lightgbm, seed: 1 }
        """;

    /// <summary>Wall times (ms) of the direct runs, the pipeline runs and their train steps, and the process CPU times (ms) of the direct and pipeline runs.</summary>
    public static async Task<TrainingTimes> MeasureAsync(string dataFile, int repeats)
    {
        var dataDirectory = Path.GetDirectoryName(Path.GetFullPath(dataFile))!;
        await using var engine = await BenchEngine.StartAsync(PipelineDispatch.InProcess);
        var first = await engine.RunAsync(Spec, noCache: false, dataDirectory);
        var local = Path.Combine(Path.GetTempPath(), "cairn-bench-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(local);
        try
        {
            var split = first.Executions.Single(e => e.StepId == "split");
            var trainFile = await CopyOutAsync(engine, split.Outputs.Single(o => o.Slot == "train").Artifact.Uri, local);
            var testFile = await CopyOutAsync(engine, split.Outputs.Single(o => o.Slot == "test").Artifact.Uri, local);
            await TrainDirectlyAsync(trainFile, testFile, local); // Warm-up, as the first pipeline run was.
            var times = new TrainingTimes();
            var process = Process.GetCurrentProcess();
            for (var i = 0; i < repeats; i++)
            {
                // CPU time is what the work costs whatever else the machine runs; wall time is what people wait.
                await SettleAsync();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await TrainDirectlyAsync(trainFile, testFile, local);
                times.Raw.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                times.RawCpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
                await SettleAsync();
                process.Refresh();
                cpu = process.TotalProcessorTime;
                watch.Restart();
                var details = await engine.RunAsync(Spec, noCache: false, dataDirectory, TimeSpan.FromMilliseconds(10));
                times.Run.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                times.RunCpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
                var train = details.Executions.Single(e => e.StepId == "train");
                times.Step.Add((double)(train.EndTime!.Value - train.StartTime!.Value));
            }

            return times;
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }

    /// <summary>
    /// Lets work left over from the previous run (the engine's bookkeeping after a run finished, garbage)
    /// end before the next timed run, so neither side is charged for the other.
    /// </summary>
    private static async Task SettleAsync()
    {
        await Task.Delay(200);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static async Task TrainDirectlyAsync(string trainFile, string testFile, string directory)
    {
        var train = await TableReader.ReadFileAsync(trainFile, DataFormats.Resolve(null, trainFile), null, CancellationToken.None);
        var test = await TableReader.ReadFileAsync(testFile, DataFormats.Resolve(null, testFile), train.Schema, CancellationToken.None);
        var result = await Task.Run(() => ModelTrainer.Train(new TrainingRequest
        {
            Task = ModelTask.MulticlassClassification,
            Label = "weather",
            Trainer = "lightgbm",
            Seed = 1,
            Train = train,
            Test = test,
            TrainingProfileJson = DataJson.Serialize(DatasetProfiler.Profile(train)),
        }));
        await result.Bundle.SaveAsync(Path.Combine(directory, "model.zip"), CancellationToken.None);
    }

    private static async Task<string> CopyOutAsync(BenchEngine engine, string uri, string directory)
    {
        var file = Path.Combine(directory, uri.Replace('/', '_'));
        await using var source = await engine.Artifacts.OpenReadAsync(uri, CancellationToken.None)
            ?? throw new InvalidOperationException($"{uri} is missing");
        await using var target = File.Create(file);
        await source.CopyToAsync(target);
        return file;
    }
}

/// <summary>Per-run measurements of <see cref="TrainingBench"/>, in milliseconds.</summary>
internal sealed class TrainingTimes
{
    public List<double> Raw { get; } = [];

    public List<double> RawCpu { get; } = [];

    public List<double> Run { get; } = [];

    public List<double> RunCpu { get; } = [];

    public List<double> Step { get; } = [];
}
