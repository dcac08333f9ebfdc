using System.Net.Http.Headers;
using System.Text.Json;
using Cairn.Server.Tests.Deployments;
using Cairn.Testing.Deployments;
using Cairn.Training.Bundles;
using Cairn.Training.Onnx;

namespace Cairn.Server.Tests.Onnx;

/// <summary>
/// A model trained elsewhere arrives as a real ONNX graph (the seattle LightGBM model exported by ML.NET),
/// is imported over the native API, deployed and served; its answers match the ML.NET model's.
/// </summary>
[Collection(DeploymentsCollection.Name)]
public sealed class OnnxImportApiTests(DeploymentsServerFixture server)
{
    private static readonly object[] Rows =
    [
        new { precipitation = 0.0, temp_max = 12.8, temp_min = 5.0, wind = 4.7 },
        new { precipitation = 10.9, temp_max = 10.6, temp_min = 2.8, wind = 4.5 },
        new { precipitation = 0.8, temp_max = 11.7, temp_min = 7.2, wind = 2.3 },
    ];

    /// <summary>ML.NET's exported multiclass graph: the probability vector is its Score output.</summary>
    private const string Outputs = "label_output=PredictedLabel.output&score_output=Score.output&probabilities_output=Score.output";

    private static async Task<byte[]> OnnxGraphAsync()
    {
        using var stream = new MemoryStream(await SeattleModels.LightGbm);
        return OnnxModels.Export(await ModelBundle.LoadAsync(stream, CancellationToken.None));
    }

    private async Task<(int Status, JsonElement Body)> ImportAsync(string name, byte[] graph, string query = "")
    {
        using var content = new ByteArrayContent(graph);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await server.Http.PostAsync($"/api/v1/models/{name}/versions/import-onnx{query}", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
    }

    [Fact]
    public async Task ImportOnnx_RealGraph_RegistersOnnxVersion_AndServesTheSameAnswersAsMlnet()
    {
        var name = "onnx-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await ImportAsync(name, await OnnxGraphAsync(), $"?task=multiclass&class_labels=drizzle,fog,rain,snow,sun&description=from+python&{Outputs}");
        Assert.True(status == 201, body.ToString());
        Assert.Equal("1", body.GetProperty("version").GetString());
        Assert.StartsWith($"mlflow-artifacts:/registry/{name}/onnx/", body.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "wind");
        Assert.Equal(("onnx", "multiclass"), (body.GetProperty("flavor").GetString(), body.GetProperty("task").GetString()));

        var (got, version) = await server.SendAsync(HttpMethod.Get, $"/api/2.0/mlflow/model-versions/get?name={name}&version=1");
        Assert.True(got == 200, version.ToString());
        var tags = version.GetProperty("model_version").GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("value").GetString());
        Assert.Equal("onnx", tags["cairn.flavor"]);
        Assert.Equal("from python", version.GetProperty("model_version").GetProperty("description").GetString());

        var onnx = await DeployAsync(name, 1);
        var mlnet = await DeployAsync(server.Model, 1);
        var expected = await PredictAsync(mlnet);
        var actual = await PredictAsync(onnx);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Label, actual[i].Label);
            Assert.Equal(expected[i].Probabilities.Length, actual[i].Probabilities.Length);
            for (var c = 0; c < expected[i].Probabilities.Length; c++)
            {
                Assert.Equal(expected[i].Probabilities[c], actual[i].Probabilities[c], 1e-5);
            }
        }
    }

    [Fact]
    public async Task ImportOnnx_ServedOverOip_MatchesMlnetProbabilities()
    {
        var name = "onnx-oip-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await ImportAsync(name, await OnnxGraphAsync(), $"?task=multiclass&class_labels=drizzle,fog,rain,snow,sun&{Outputs}");
        Assert.True(status == 201, body.ToString());
        var expected = await InferAsync(await DeployAsync(server.Model, 1));
        var actual = await InferAsync(await DeployAsync(name, 1));
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(15, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }
    }

    [Theory]
    [InlineData("not onnx", "", "body")]
    [InlineData("", "", "body")]
    [InlineData("graph", "?task=ranking", "task")]
    [InlineData("graph", "?task=multiclass&probabilities_output=Score.output&class_labels=a,b,c", "class_labels")]
    [InlineData("graph", "?class_labels=a", "class_labels")]
    public async Task ImportOnnx_BadInput_Is400NamingTheField_AndRegistersNothing(string payload, string query, string field)
    {
        var name = "bad-onnx-" + Guid.NewGuid().ToString("N")[..8];
        var graph = payload == "graph" ? await OnnxGraphAsync() : System.Text.Encoding.UTF8.GetBytes(payload);
        var (status, body) = await ImportAsync(name, graph, query);
        Assert.True(status == 400, $"{status} {body}");
        Assert.Contains(field, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var (missing, _) = await server.SendAsync(HttpMethod.Get, $"/api/2.0/mlflow/registered-models/get?name={name}");
        Assert.Equal(404, missing);
    }

    private async Task<double[]> InferAsync(string deployment)
    {
        var columns = new (string Name, double[] Data)[]
        {
            ("precipitation", [0.0, 10.9, 0.8]), ("temp_max", [12.8, 10.6, 11.7]), ("temp_min", [5.0, 2.8, 7.2]), ("wind", [4.7, 4.5, 2.3]),
        };
        var request = new { inputs = columns.Select(c => new { name = c.Name, shape = new[] { 3 }, datatype = "FP64", data = c.Data }).ToArray() };
        var (status, body) = await server.PostAsync($"/v2/models/{deployment}/infer", request);
        Assert.True(status == 200, body.ToString());
        var probabilities = body.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "probabilities");
        return [.. probabilities.GetProperty("data").EnumerateArray().Select(x => x.GetDouble())];
    }

    private async Task<string> DeployAsync(string model, long version)
    {
        var deployment = "d-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await server.PostAsync("/api/v1/deployments", new { name = deployment, variants = new object[] { new { name = "main", model, version, weight = 100 } } });
        Assert.True(status == 201, body.ToString());
        return deployment;
    }

    private async Task<List<(string? Label, double[] Probabilities)>> PredictAsync(string deployment)
    {
        var (status, body) = await server.PostAsync($"/api/v1/deployments/{deployment}/predict", new { records = Rows });
        Assert.True(status == 200, body.ToString());
        return [.. body.GetProperty("predictions").EnumerateArray().Select(p => (p.GetProperty("label").GetString(), p.GetProperty("probabilities").EnumerateObject().OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => x.Value.GetDouble()).ToArray()))];
    }
}
