using Cairn.Testing;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Training;

namespace Cairn.Inference.Tests.Support;

/// <summary>
/// Real models trained once per test run on the seattle-weather example data (LightGBM multiclass:
/// date, precipitation, temp_max, temp_min, wind → weather), as bundle zips ready to register.
/// </summary>
public static class SeattleModels
{
    private static readonly Lazy<Task<byte[]>> Primary = new(() => TrainAsync(20, 8));
    private static readonly Lazy<Task<byte[]>> Challenger = new(() => TrainAsync(10, 4));
    private static readonly Lazy<Task<byte[]>> Regression = new(TrainRegressionAsync);

    public static string DataFile => Repository.SeattleWeatherCsv;

    /// <summary>LightGBM, 20 iterations of 8 leaves.</summary>
    public static Task<byte[]> PrimaryAsync() => Primary.Value;

    /// <summary>LightGBM, 10 iterations of 4 leaves: a different model with the same signature.</summary>
    public static Task<byte[]> ChallengerAsync() => Challenger.Value;

    /// <summary>LightGBM regression of temp_max from date, precipitation, temp_min, wind and weather (a categorical input).</summary>
    public static Task<byte[]> RegressionAsync() => Regression.Value;

    private static async Task<byte[]> TrainRegressionAsync()
    {
        var table = await TableReader.ReadFileAsync(DataFile, DataFormats.Resolve(null, DataFile), null, CancellationToken.None);
        var result = ModelTrainer.Train(new TrainingRequest
        {
            Task = ModelTask.Regression,
            Label = "temp_max",
            Trainer = "lightgbm",
            Train = table,
            Seed = 1,
            HyperParameters = new Dictionary<string, string> { ["number_of_iterations"] = "10", ["number_of_leaves"] = "4", ["number_of_threads"] = "1" },
        });
        using var stream = new MemoryStream();
        await result.Bundle.SaveAsync(stream, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<byte[]> TrainAsync(int iterations, int leaves)
    {
        var table = await TableReader.ReadFileAsync(DataFile, DataFormats.Resolve(null, DataFile), null, CancellationToken.None);
        var result = ModelTrainer.Train(new TrainingRequest
        {
            Task = ModelTask.MulticlassClassification,
            Label = "weather",
            Trainer = "lightgbm",
            Train = table,
            Seed = 1,
            HyperParameters = new Dictionary<string, string>
            {
                ["number_of_iterations"] = iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["number_of_leaves"] = leaves.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["number_of_threads"] = "1",
            },
        });
        using var stream = new MemoryStream();
        await result.Bundle.SaveAsync(stream, CancellationToken.None);
        return stream.ToArray();
    }
}
