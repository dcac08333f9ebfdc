using System.Text.Json.Nodes;
using Cairn.Cli.Tests.Commands;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Serving;

[Collection(CliServerCollection.Name)]
public sealed class PredictCommandTests(CairnServerFixture server)
{
    private static readonly string[] Classes = ["drizzle", "fog", "rain", "snow", "sun"];

    [Fact]
    public async Task Predict_Record_SendsItWithTopKAndRequestId_AndPrintsATable()
    {
        var deployment = await ServingTestModel.DeployAsync(server.BaseAddress);

        // A minimum confidence of 1 makes the record abstain, which shows it reached the server.
        var result = await CliRunner.RunAsync("predict", "--deployment", deployment,
            "--record", """{"precipitation": 0.0, "temp_max": 12.8, "temp_min": 5.0, "wind": 4.7, "date": "2012-01-01"}""",
            "--top-k", "2", "--min-confidence", "1", "--request-id", "req-1", "--server", server.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var logged = Assert.Single(await ServingTestModel.LoggedPredictionsAsync(server.BaseAddress, deployment, 1));
        Assert.Equal("req-1", logged.GetProperty("request_id").GetString());
        Assert.Equal(12.8, logged.GetProperty("inputs").GetProperty("temp_max").GetDouble());
        Assert.StartsWith("2012-01-01", logged.GetProperty("inputs").GetProperty("date").GetString(), StringComparison.Ordinal);
        var row = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Contains("(abstained)", row, StringComparison.Ordinal);
        Assert.Matches(@"\(abstained\)\s+[0-9.]+\s+[a-z]+ [0-9.]+, [a-z]+ [0-9.]+\s*$", row);
        Assert.Contains($"request id req-1, variant champion ({deployment} v1)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_Csv_SendsOneTypedRecordPerRow_AndJsonPrintsTheResponse()
    {
        var deployment = await ServingTestModel.DeployAsync(server.BaseAddress);
        using var temp = new TempDirectory();
        var csv = Path.Combine(temp.Path, "rows.csv");
        // The model's features only: the records endpoint refuses fields that are not inputs (such as the label).
        await File.WriteAllLinesAsync(csv, (await File.ReadAllLinesAsync(ServingTestModel.DataFile)).Take(4).Select(l => l[..l.LastIndexOf(',')]));

        var result = await CliRunner.RunAsync("predict", "-d", deployment, "--csv", csv, "--json", "--server", server.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var records = (await ServingTestModel.LoggedPredictionsAsync(server.BaseAddress, deployment, 3))
            .OrderBy(r => r.GetProperty("request_id").GetString(), StringComparer.Ordinal).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal(10.9, records[1].GetProperty("inputs").GetProperty("precipitation").GetDouble());
        Assert.StartsWith("2012-01-02", records[1].GetProperty("inputs").GetProperty("date").GetString(), StringComparison.Ordinal);
        var response = JsonNode.Parse(result.Out)!;
        Assert.Equal(3, response["predictions"]!.AsArray().Count);
        var probabilities = response["predictions"]![0]!["probabilities"]!.AsObject();
        Assert.Equal(Classes, probabilities.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(1.0, probabilities.Sum(p => p.Value!.GetValue<double>()), 6);
        Assert.Contains(response["predictions"]![1]!["label"]!.GetValue<string>(), Classes);
    }

    [Fact]
    public async Task Predict_CsvWithTheLabelColumn_SendsOnlyTheModelInputs_AndSaysSo()
    {
        var deployment = await ServingTestModel.DeployAsync(server.BaseAddress);
        using var temp = new TempDirectory();
        var csv = Path.Combine(temp.Path, "labelled.csv");
        await File.WriteAllLinesAsync(csv, (await File.ReadAllLinesAsync(ServingTestModel.DataFile)).Take(3));

        var result = await CliRunner.RunAsync("predict", "-d", deployment, "--csv", csv, "--json", "--server", server.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("not sending weather (not inputs of the model)", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(result.Out)!["predictions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Predict_JsonLinesInput_SendsEveryLine()
    {
        var deployment = await ServingTestModel.DeployAsync(server.BaseAddress);
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "rows.jsonl");
        await File.WriteAllTextAsync(file, """
            {"date": "2012-01-01", "precipitation": 0.0, "temp_max": 12.8, "temp_min": 5.0, "wind": 1}

            {"date": "2012-01-02", "precipitation": 10.9, "temp_max": 10.6, "temp_min": 2.8, "wind": 2}

            """);

        var result = await CliRunner.RunAsync("predict", "-d", deployment, "--input", file, "--server", server.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, (await ServingTestModel.LoggedPredictionsAsync(server.BaseAddress, deployment, 2)).Count);
        Assert.Matches(@"(?m)^\s*2\s+[a-z]+\s", result.Out);
    }

    [Theory]
    [InlineData("--record", "not json", "is not valid JSON")]
    [InlineData("--record", "[1, 2]", "must be a JSON object or an array of objects")]
    [InlineData("--top-k", "0", "--top-k must be at least 1")]
    public async Task Predict_BadInput_IsAUsageError(string option, string value, string message)
    {
        string[] args = option == "--record"
            ? ["predict", "-d", "weather", option, value]
            : ["predict", "-d", "weather", "--record", "{}", option, value];

        var result = await CliRunner.RunAsync([.. args, "--server", server.BaseAddress.ToString()]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_WithoutAnyInput_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("predict", "-d", "weather", "--server", server.BaseAddress.ToString());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Give exactly one of", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_UnknownDeployment_IsAnApiError()
    {
        var result = await CliRunner.RunAsync("predict", "-d", "nope", "--record", "{}", "--server", server.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, result.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", result.Error, StringComparison.Ordinal);
    }
}
