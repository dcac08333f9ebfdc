using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cairn.Data.Reading;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Serving;

/// <summary>
/// Issue 4's first must-show, end to end on a real server: the seattle-weather example pipeline trains and
/// registers a model, <c>cairn deploy create</c> serves its <c>candidate</c>, and it answers over OIP v2, the
/// records endpoint, <c>cairn predict</c> and <c>cairn score</c> on real 2014 rows (held out from training).
/// </summary>
public sealed class ExampleServingTests(CairnServerFixture server) : IClassFixture<CairnServerFixture>, IDisposable
{
    private const string Model = "seattle-weather";
    private static readonly string[] Classes = ["drizzle", "fog", "rain", "snow", "sun"];

    // Real rows of the example's data (date, precipitation, temp_max, temp_min, wind, weather).
    private static readonly string[] Rows2014 =
    [
        "2014-01-01,0.0,7.2,3.3,1.2,sun",
        "2014-01-02,4.1,10.6,6.1,3.2,rain",
        "2014-01-03,1.5,8.9,2.8,2.6,rain",
        "2014-01-04,0.0,7.8,0.6,2.7,fog",
        "2014-02-05,0.0,-0.5,-5.5,6.6,sun",
    ];

    private readonly TempDirectory _dir = new("cairn-cli-e2e");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExampleModel_DeployedAsCandidate_AnswersOverOipRecordsPredictAndScore()
    {
        // The example pipeline through the real engine: ingest, validate, split, train, evaluate, register.
        var run = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "run", Path.Combine(ServingTestModel.ExampleDirectory, "pipeline.yaml"), "--json")).RootElement;
        Assert.Equal("COMPLETE", run.GetProperty("run").GetProperty("status").GetString());
        var alias = await server.Http.GetFromJsonAsync<JsonElement>($"/api/2.0/mlflow/registered-models/alias?name={Model}&alias=candidate");
        var version = long.Parse(alias.GetProperty("model_version").GetProperty("version").GetString()!, CultureInfo.InvariantCulture);

        var deployment = "weather-" + Guid.NewGuid().ToString("N")[..8];
        var created = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "create", deployment,
            "--variant", $"champion={Model}@candidate", "--reason", "serve the example's candidate", "--json")).RootElement.GetProperty("deployment");
        var variant = Assert.Single(created.GetProperty("variants").EnumerateArray());
        Assert.Equal(version, variant.GetProperty("version").GetInt64());
        Assert.Equal("candidate", variant.GetProperty("alias").GetString());
        Assert.Equal(100, variant.GetProperty("weight").GetInt32());

        var oipLabel = await InferOverOipAsync(deployment, version);
        var records = await PredictOverRecordsAsync(deployment, version);
        Assert.Equal(oipLabel, records[0].Label);
        await PredictWithCliAsync(deployment, version, records[1]);
        await ScoreWithCliAsync(deployment, version, records);
    }

    /// <summary>One real row (2014-01-02, rain) over OIP v2: a class label and probabilities summing to 1.</summary>
    private async Task<string> InferOverOipAsync(string deployment, long version)
    {
        var body = $$"""
            {"id": "e2e-oip-1", "parameters": {"content_type": "pd"}, "inputs": [
              {"name": "date", "shape": [1], "datatype": "BYTES", "data": ["2014-01-02"]},
              {"name": "precipitation", "shape": [1], "datatype": "FP64", "data": [4.1]},
              {"name": "temp_max", "shape": [1], "datatype": "FP64", "data": [10.6]},
              {"name": "temp_min", "shape": [1], "datatype": "FP64", "data": [6.1]},
              {"name": "wind", "shape": [1], "datatype": "FP64", "data": [3.2]}]}
            """;
        using var response = await server.Http.PostAsync(new Uri($"/v2/models/{deployment}/infer", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.Equal("e2e-oip-1", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal(deployment, answer.GetProperty("model_name").GetString());
        Assert.Equal(version.ToString(CultureInfo.InvariantCulture), answer.GetProperty("model_version").GetString());
        Assert.Equal("e2e-oip-1", answer.GetProperty("id").GetString());
        var outputs = answer.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);
        var label = Assert.Single(outputs["label"].GetProperty("data").EnumerateArray()).GetString()!;
        Assert.Contains(label, Classes);
        var probabilities = outputs["probabilities"];
        Assert.Equal([1, 5], probabilities.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        var values = probabilities.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(1.0, values.Sum(), 6);
        Assert.Equal(values.Max(), Assert.Single(outputs["score"].GetProperty("data").EnumerateArray()).GetDouble(), 12);
        return label;
    }

    /// <summary>Three real rows through the records endpoint with top_k = 2.</summary>
    private async Task<List<(string Label, double Score)>> PredictOverRecordsAsync(string deployment, long version)
    {
        var body = new { records = Rows2014[1..4].Select(Record).ToArray(), top_k = 2 };
        using var response = await server.Http.PostAsJsonAsync($"/api/v1/deployments/{deployment}/predict", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal("champion", answer.GetProperty("variant").GetString());
        Assert.Equal(version, answer.GetProperty("version").GetInt64());
        var predictions = answer.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(3, predictions.Count);
        var result = new List<(string, double)>();
        foreach (var prediction in predictions)
        {
            var label = prediction.GetProperty("label").GetString()!;
            Assert.Contains(label, Classes);
            var probabilities = prediction.GetProperty("probabilities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            Assert.Equal(Classes, probabilities.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(1.0, probabilities.Values.Sum(), 6);
            var topK = prediction.GetProperty("top_k").EnumerateArray().ToList();
            Assert.Equal(2, topK.Count);
            Assert.Equal(label, topK[0].GetProperty("label").GetString());
            Assert.True(topK[0].GetProperty("probability").GetDouble() >= topK[1].GetProperty("probability").GetDouble());
            result.Add((label, prediction.GetProperty("score").GetDouble()));
        }

        return result;
    }

    /// <summary><c>cairn predict</c> on the second of those rows: the same label as a table and as JSON.</summary>
    private async Task PredictWithCliAsync(string deployment, long version, (string Label, double Score) expected)
    {
        var record = JsonSerializer.Serialize(Record(Rows2014[2]));

        var table = await CliRunner.RunOkAsync(server.BaseAddress, "predict", "--deployment", deployment, "--record", record, "--top-k", "2", "--request-id", "e2e-cli-1");
        var json = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "predict", "-d", deployment, "--record", record, "--json")).RootElement;

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("#", lines[0].TrimStart());
        Assert.Matches(@"^\s*1\s+" + expected.Label + @"\s+[0-9.]+\s+" + expected.Label + " ", lines[1]);
        Assert.Contains($"request id e2e-cli-1, variant champion ({Model} v{version})", table, StringComparison.Ordinal);
        var prediction = Assert.Single(json.GetProperty("predictions").EnumerateArray());
        Assert.Equal(expected.Label, prediction.GetProperty("label").GetString());
        Assert.Equal(expected.Score, prediction.GetProperty("score").GetDouble(), 9);
        Assert.Equal(version, json.GetProperty("version").GetInt64());
    }

    /// <summary><c>cairn score</c> on real rows to Parquet: a row each, valid labels, the server's answers.</summary>
    private async Task ScoreWithCliAsync(string deployment, long version, List<(string Label, double Score)> served)
    {
        var input = Path.Combine(_dir.Path, "days.csv");
        await File.WriteAllLinesAsync(input, ["date,precipitation,temp_max,temp_min,wind,weather", .. Rows2014]);
        var output = Path.Combine(_dir.Path, "scored.parquet");

        var summary = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "score", "-d", deployment, "-i", input, "-o", output, "--json")).RootElement;

        Assert.Equal(Rows2014.Length, summary.GetProperty("rows").GetInt64());
        Assert.Equal(version, summary.GetProperty("version").GetInt64());
        var scored = await TableReader.ReadFileAsync(output);
        Assert.Equal(Rows2014.Length, scored.RowCount);
        Assert.All(scored["label"].Strings!, label => Assert.Contains(label, Classes));
        Assert.Equal(Rows2014.Select(r => r.Split(',')[5]), scored["weather"].Strings!);
        for (var i = 0; i < served.Count; i++)
        {
            // Rows 1-3 were answered by the records endpoint: scoring locally gives the same answers.
            Assert.Equal(served[i].Label, scored["label"].Strings![i + 1]);
            Assert.Equal(served[i].Score, scored["score"].Numbers![i + 1], 9);
        }
    }

    /// <summary>A CSV row as a records-endpoint record: the five features, without the label.</summary>
    private static Dictionary<string, object> Record(string row)
    {
        var cells = row.Split(',');
        return new Dictionary<string, object>
        {
            ["date"] = cells[0],
            ["precipitation"] = double.Parse(cells[1], CultureInfo.InvariantCulture),
            ["temp_max"] = double.Parse(cells[2], CultureInfo.InvariantCulture),
            ["temp_min"] = double.Parse(cells[3], CultureInfo.InvariantCulture),
            ["wind"] = double.Parse(cells[4], CultureInfo.InvariantCulture),
        };
    }
}
