using System.Globalization;
using System.Text;
using Cairn.Data.Profiling;
using Cairn.Data.Reading;
using Cairn.Data.Serialization;
using Cairn.Data.Tables;
using Cairn.Training;
using Cairn.Training.Bundles;

namespace Cairn.Bench.Serving;

/// <summary>
/// The benchmark's model: LightGBM multiclass on the Seattle weather data (precipitation, temperatures and
/// wind → weather type), the OIP JSON body of one real row, and a larger CSV made of the real rows
/// repeated, for batch scoring.
/// </summary>
internal sealed class BenchModel
{
    private BenchModel(DataTable data, ModelBundle bundle, byte[] zip)
    {
        Data = data;
        Bundle = bundle;
        Zip = zip;
    }

    public static string DataFile { get; } = Path.Combine(RepositoryRoot(), "examples", "seattle-weather", "data", "seattle-weather.csv");

    public DataTable Data { get; }

    public ModelBundle Bundle { get; }

    public byte[] Zip { get; }

    public static async Task<BenchModel> TrainAsync()
    {
        var data = await TableReader.ReadFileAsync(DataFile);
        var result = ModelTrainer.Train(new TrainingRequest
        {
            Task = ModelTask.MulticlassClassification,
            Label = "weather",
            Trainer = "lightgbm",
            Exclude = ["date"],
            Seed = 1,
            Train = data,
            // The drift reference, as a pipeline-trained model has it, so monitoring runs do their real work.
            TrainingProfileJson = DataJson.Serialize(DatasetProfiler.Profile(data)),
        });
        using var zip = new MemoryStream();
        await result.Bundle.SaveAsync(zip, CancellationToken.None);
        return new BenchModel(data, result.Bundle, zip.ToArray());
    }

    /// <summary>One row as an OIP v2 request in MLServer's columnar form: one named input per feature, shape [1].</summary>
    public string OipBody(int row = 1)
    {
        var inputs = Bundle.Manifest.Inputs.Select(input =>
            string.Create(CultureInfo.InvariantCulture, $$"""{"name":"{{input.Name}}","shape":[1],"datatype":"FP64","data":[{{Data[input.Name].Numbers![row]:R}}]}"""));
        return $$"""{"inputs":[{{string.Join(",", inputs)}}]}""";
    }

    /// <summary>One row as a record for the in-process single-row scorer.</summary>
    public Dictionary<string, object?> Record(int row) =>
        Bundle.Manifest.Inputs.ToDictionary(i => i.Name, i => (object?)Data[i.Name].Numbers![row], StringComparer.Ordinal);

    /// <summary>The data file repeated until it has at least <paramref name="rows"/> rows (real values, realistic parsing cost).</summary>
    public static async Task<string> RepeatedCsvAsync(string directory, int rows)
    {
        var lines = await File.ReadAllLinesAsync(DataFile);
        var path = Path.Combine(directory, $"seattle-x{rows}.csv");
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync(lines[0]);
        for (var written = 0; written < rows;)
        {
            for (var i = 1; i < lines.Length && written < rows; i++, written++)
            {
                await writer.WriteLineAsync(lines[i]);
            }
        }

        return path;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
