using System.Globalization;
using Cairn.Testing;

namespace Cairn.Ui.Tests.Models;

/// <summary>
/// What the demo registered, looked up through the APIs (never through the pages under test): the model
/// with the <c>champion</c> alias, that version's source run, pipeline run and dataset versions, and a
/// version a deployment serves.
/// </summary>
public sealed record DemoModel(
    string Name,
    string ChampionVersion,
    string ChampionRunId,
    string ChampionPipelineRunId,
    IReadOnlyList<(string Name, string Version)> ChampionDatasets,
    string ServingDeployment,
    string ServedVersion,
    int VersionCount)
{
    public const string ModelName = "seattle-weather";

    public static async Task<DemoModel> LoadAsync(HttpClient http)
    {
        var champion = (await http.GetOkAsync($"registered-models/alias?name={ModelName}&alias=champion")).GetProperty("model_version");
        var version = champion.GetProperty("version").GetString()!;
        var pipelineRun = champion.GetProperty("tags").EnumerateArray()
            .First(t => t.GetProperty("key").GetString() == "cairn.pipeline_run").GetProperty("value").GetString()!;
        var lineage = await UiSeed.GetJsonAsync(http, $"/api/v1/lineage/models/{ModelName}/versions/{version}");
        var datasets = lineage.GetProperty("dataset_versions").EnumerateArray()
            .Where(d => d.TryGetProperty("name", out _))
            .Select(d => (d.GetProperty("name").GetString()!, d.GetProperty("version").GetString()!)).ToList();
        var deployments = await UiSeed.GetJsonAsync(http, "/api/v1/deployments");
        var (deployment, served) = deployments.GetProperty("deployments").EnumerateArray()
            .SelectMany(d => d.GetProperty("variants").EnumerateArray()
                .Where(v => v.GetProperty("model").GetString() == ModelName)
                .Select(v => (d.GetProperty("name").GetString()!, v.GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture))))
            .First();
        var versions = await http.GetOkAsync($"model-versions/search?filter={Uri.EscapeDataString($"name = '{ModelName}'")}");
        return new DemoModel(
            ModelName, version, champion.GetProperty("run_id").GetString()!, pipelineRun, datasets, deployment, served,
            versions.GetProperty("model_versions").GetArrayLength());
    }

}
