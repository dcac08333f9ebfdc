using System.Text.Json.Nodes;
using Cairn.Cli.Tests.Commands;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Serving;

[Collection(CliServerCollection.Name)]
public sealed class PredictCommandTests(CairnServerFixture server)
{
    [Fact]
    public async Task Predict_Record_SendsItWithTopKAndRequestId_AndPrintsATable()
    {
        await using var front = await StubServingFront.StartAsync(server.BaseAddress);
        front.Deployments["weather"] = [];

        var result = await CliRunner.RunAsync("predict", "--deployment", "weather", "--record", """{"temp_max": 12.8, "wind": 4.7, "date": "2012-01-01"}""",
            "--top-k", "2", "--min-confidence", "0.5", "--request-id", "req-1", "--server", front.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var (body, requestId) = Assert.Single(front.PredictRequests);
        Assert.Equal("req-1", requestId);
        Assert.Equal(12.8, body["records"]![0]!["temp_max"]!.GetValue<double>());
        Assert.Equal("2012-01-01", body["records"]![0]!["date"]!.GetValue<string>());
        Assert.Equal(2, body["top_k"]!.GetValue<int>());
        Assert.Equal(0.5, body["min_confidence"]!.GetValue<double>());
        Assert.Contains("sun", result.Out, StringComparison.Ordinal);
        Assert.Contains("sun 0.75, rain 0.25", result.Out, StringComparison.Ordinal);
        Assert.Contains("request id req-1, variant champion (weather v1)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_Csv_SendsOneTypedRecordPerRow_AndJsonPrintsTheResponse()
    {
        await using var front = await StubServingFront.StartAsync(server.BaseAddress);
        front.Deployments["weather"] = [];
        using var temp = new TempDirectory();
        var csv = Path.Combine(temp.Path, "rows.csv");
        await File.WriteAllLinesAsync(csv, (await File.ReadAllLinesAsync(ServingTestModel.DataFile)).Take(4));

        var result = await CliRunner.RunAsync("predict", "-d", "weather", "--csv", csv, "--json", "--server", front.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var records = Assert.Single(front.PredictRequests).Body["records"]!.AsArray();
        Assert.Equal(3, records.Count);
        Assert.Equal(10.9, records[1]!["precipitation"]!.GetValue<double>());
        Assert.Equal("rain", records[1]!["weather"]!.GetValue<string>());
        var response = JsonNode.Parse(result.Out)!;
        Assert.Equal(3, response["predictions"]!.AsArray().Count);
        Assert.Equal(0.75, response["predictions"]![0]!["probabilities"]!["sun"]!.GetValue<double>());
        Assert.Equal("rain", response["predictions"]![0]!["top_k"]![1]!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Predict_JsonLinesInput_SendsEveryLine()
    {
        await using var front = await StubServingFront.StartAsync(server.BaseAddress);
        front.Deployments["weather"] = [];
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "rows.jsonl");
        await File.WriteAllTextAsync(file, "{\"wind\": 1}\n\n{\"wind\": 2}\n");

        var result = await CliRunner.RunAsync("predict", "-d", "weather", "--input", file, "--server", front.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, Assert.Single(front.PredictRequests).Body["records"]!.AsArray().Count);
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
        await using var front = await StubServingFront.StartAsync(server.BaseAddress);

        var result = await CliRunner.RunAsync("predict", "-d", "nope", "--record", "{}", "--server", front.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, result.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", result.Error, StringComparison.Ordinal);
    }
}
