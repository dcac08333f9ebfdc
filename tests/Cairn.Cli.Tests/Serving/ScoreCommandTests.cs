using System.Text.Json.Nodes;
using Cairn.Cli.Tests.Commands;
using Cairn.Data.Reading;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Serving;

[Collection(CliServerCollection.Name)]
public sealed class ScoreCommandTests(CairnServerFixture server)
{
    [Fact]
    public async Task Score_Csv_WritesParquetWithInputColumnsAndTheSamePredictionsAsInProcessScoring()
    {
        var model = await ServingTestModel.DeployAsync(server.BaseAddress);
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out", "scored.parquet");

        // A small batch size makes many chunks, so ordering across concurrently scored chunks is exercised.
        var result = await CliRunner.RunAsync("score", "--deployment", model, "--input", ServingTestModel.DataFile, "--output", output,
            "--batch-size", "97", "--json", "--server", server.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = JsonNode.Parse(result.Out)!;
        Assert.Equal(1461, summary["rows"]!.GetValue<long>());
        Assert.Equal("champion", summary["variant"]!.GetValue<string>());
        Assert.Equal(1, summary["version"]!.GetValue<long>());
        Assert.Contains("scored ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".part"));

        var scored = await TableReader.ReadFileAsync(output);
        var data = await ServingTestModel.ReadDataAsync();
        var (bundle, _) = await ServingTestModel.GetAsync();
        using var scorer = bundle.CreateScorer();
        var expected = scorer.Score(data);
        Assert.Equal(data.RowCount, scored.RowCount);
        string[] inputs = ["date", "precipitation", "temp_max", "temp_min", "wind", "weather"];
        Assert.Equal([.. inputs, "label", "score", .. scorer.ClassLabels.Select(c => "probability_" + c)], scored.Columns.Select(c => c.Name));
        Assert.Equal(data["temp_max"].Numbers, scored["temp_max"].Numbers);
        Assert.Equal(data["weather"].Strings, scored["weather"].Strings);
        Assert.Equal(expected.Labels, scored["label"].Strings);
        for (var row = 0; row < data.RowCount; row++)
        {
            Assert.Equal(expected.Scores[row], scored["score"].Numbers![row], 12);
            Assert.Equal(expected.Probability(row, 0), scored["probability_" + scorer.ClassLabels[0]].Numbers![row], 12);
        }
    }

    [Fact]
    public async Task Score_WithVariant_UsesThatVariantsModelVersion_AndAnUnknownVariantIsAUsageError()
    {
        var model = await ServingTestModel.DeployAsync(server.BaseAddress, withShadow: true);
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "scored.parquet");

        var ok = await CliRunner.RunAsync("score", "-d", model, "-i", ServingTestModel.DataFile, "-o", output, "--variant", "shadowy", "--server", server.BaseAddress.ToString());
        var unknown = await CliRunner.RunAsync("score", "-d", model, "-i", ServingTestModel.DataFile, "-o", output + "2", "--variant", "nope", "--server", server.BaseAddress.ToString());

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("variant shadowy", ok.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("no variant 'nope'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("champion, shadowy", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_UnknownDeployment_IsAnApiErrorAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "scored.parquet");

        var result = await CliRunner.RunAsync("score", "-d", "missing", "-i", ServingTestModel.DataFile, "-o", output, "--server", server.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, result.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task Score_ABadValueInAFeatureColumn_NamesColumnAndRow_AndLeavesNoPartialOutput()
    {
        var model = await ServingTestModel.DeployAsync(server.BaseAddress);
        using var temp = new TempDirectory();
        var input = Path.Combine(temp.Path, "bad.csv");
        var lines = (await File.ReadAllLinesAsync(ServingTestModel.DataFile)).Take(300).ToList();
        lines[250] = "2012-09-06,0.0,warm,13.3,2.4,sun";
        await File.WriteAllLinesAsync(input, lines);
        var output = Path.Combine(temp.Path, "scored.parquet");

        var result = await CliRunner.RunAsync("score", "-d", model, "-i", input, "-o", output, "--batch-size", "50", "--server", server.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, result.ExitCode);
        Assert.Contains("Column 'temp_max', row 250: 'warm' is not a number", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".part"));
    }

    [Fact]
    public async Task Score_MissingInputFile_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("score", "-d", "x", "-i", "no-such-file.csv", "-o", "out.parquet", "--server", server.BaseAddress.ToString());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }
}
