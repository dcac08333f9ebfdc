using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.Pipelines;

/// <summary>The seattle-weather example end to end through the API: real data, a real model, a real registry.</summary>
public sealed class ExamplePipelineTests(CairnServerFixture server) : IClassFixture<CairnServerFixture>
{
    private const string Model = "seattle-weather";
    private readonly HttpClient _http = server.Http;

    private static string ExampleDirectory => Repository.SeattleWeatherExample;

    private static string ExampleSpec => File.ReadAllText(Path.Combine(ExampleDirectory, "pipeline.yaml"));

    [Fact]
    public async Task Example_TrainsAndRegisters_WithLineage_ThenCachesAndRerunsOnlyDownstreamOfAChangedParam()
    {
        var first = await RunAsync(ExampleSpec, new() { ["trainer"] = "lightgbm" });
        Assert.True(Status(first) == "COMPLETE", Error(first));
        var runId = first.GetProperty("run").GetProperty("run_id").GetString()!;

        var registered = await VersionOfRunAsync(runId);
        var tags = Tags(registered);
        var dataHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(ExampleDirectory, "data", "seattle-weather.csv"))));
        Assert.Equal(dataHash, tags["cairn.dataset_versions"]);
        Assert.Equal("seattle-weather", tags["cairn.pipeline"]);
        Assert.Equal("mlnet", tags["cairn.flavor"]);
        Assert.True(double.Parse(tags["cairn.metric.macro_f1"], System.Globalization.CultureInfo.InvariantCulture) > 0.3);
        var alias = await _http.GetFromJsonAsync<JsonElement>($"/api/2.0/mlflow/registered-models/alias?name={Model}&alias=candidate");
        Assert.Equal(registered.GetProperty("version").GetString(), alias.GetProperty("model_version").GetProperty("version").GetString());
        var ingest = Execution(first, "ingest").GetProperty("outputs")[0].GetProperty("artifact");
        Assert.Equal("sha256:" + dataHash, ingest.GetProperty("content_hash").GetString());

        var cached = await RunAsync(ExampleSpec, new() { ["trainer"] = "lightgbm" });
        Assert.All(States(cached), s => Assert.EndsWith("=CACHED", s));

        var changed = await RunAsync(ExampleSpec, new() { ["trainer"] = "fasttree" });
        Assert.True(Status(changed) == "COMPLETE", Error(changed));
        Assert.Equal(["ingest=CACHED", "validate=CACHED", "split=CACHED", "train=COMPLETE", "evaluate=COMPLETE", "register=COMPLETE"], States(changed));
        Assert.Equal("fasttree", Tags(await VersionOfRunAsync(changed.GetProperty("run").GetProperty("run_id").GetString()!))["cairn.trainer"]);
    }

    [Fact]
    public async Task Example_WithAFailingGate_StopsBeforeRegistration_WithTheReason()
    {
        var before = await VersionCountAsync();
        var run = await RunAsync(ExampleSpec, new() { ["min_f1"] = "0.99" });
        Assert.True(Status(run) == "FAILED", Status(run) + ": " + Error(run));
        var evaluate = Execution(run, "evaluate");
        Assert.Equal("FAILED", evaluate.GetProperty("state").GetString());
        var error = evaluate.GetProperty("error").GetString()!;
        Assert.Contains("gate failed: macro_f1 = ", error);
        Assert.Contains("< min 0.99", error);
        Assert.Equal("CANCELED", Execution(run, "register").GetProperty("state").GetString());
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task SchemaViolatingData_FailsValidation_WithEveryMissingColumn_AndNothingRegistered()
    {
        var directory = Directory.CreateTempSubdirectory("cairn-penguins-");
        try
        {
            // Real rows of penguins.csv, including its NA cells.
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "penguins.csv"), """
                species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year
                Adelie,Torgersen,39.1,18.7,181,3750,male,2007
                Adelie,Torgersen,39.5,17.4,186,3800,female,2007
                Adelie,Torgersen,NA,NA,NA,NA,NA,2007
                Adelie,Torgersen,34.1,18.1,193,3475,NA,2007
                Gentoo,Biscoe,46.1,13.2,211,4500,female,2007
                """);
            var model = "penguins-" + Guid.NewGuid().ToString("N")[..8];
            var spec = $$"""
                name: {{model}}
                steps:
                  ingest: { uses: data.import, with: { path: penguins.csv, dataset: {{model}} } }
                  validate:
                    uses: data.validate
                    needs: [ingest]
                    with:
                      schema:
                        allow_extra_columns: true
                        columns:
                          - { name: species, type: categorical, nullable: false }
                          - { name: bill_length_mm, type: numeric, nullable: false }
                          - { name: sex, type: categorical, nullable: false }
                  train: { uses: mlnet.train, needs: [validate], with: { task: multiclass, label: species, trainer: baseline } }
                  register: { uses: model.register, needs: [train], with: { model: {{model}} } }
                """;
            var run = await RunAsync(spec, [], directory.FullName);
            Assert.Equal("FAILED", Status(run));
            var error = Execution(run, "validate").GetProperty("error").GetString()!;
            Assert.Contains("validation against schema failed with 2 error(s)", error);
            Assert.Contains("bill_length_mm", error);
            Assert.Contains("sex", error);
            Assert.Equal("CANCELED", Execution(run, "register").GetProperty("state").GetString());
            using var response = await _http.GetAsync($"/api/2.0/mlflow/registered-models/get?name={model}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ImportedVersion_ValidatedAgainstAReference_SplitStratified_TrainsABaseline_AndBasicChecksNameAMissingLabel()
    {
        var dataset = "weather-" + Guid.NewGuid().ToString("N")[..8];
        var import = await RunAsync($$"""
            name: {{dataset}}-import
            steps: { ingest: { uses: data.import, with: { path: data/seattle-weather.csv, dataset: {{dataset}} } } }
            """, []);
        Assert.True(Status(import) == "COMPLETE", Error(import));

        var spec = $$"""
            name: {{dataset}}-reuse
            params: { label: weather }
            steps:
              ingest: { uses: data.import, with: { dataset: "{{dataset}}@latest" } }
              reference: { uses: data.validate, needs: [ingest], with: { reference: "{{dataset}}@latest" } }
              basic: { uses: data.validate, needs: [reference], with: { label: "${params.label}" } }
              split: { uses: data.split, needs: [basic], with: { strategy: stratified, label: weather, test_fraction: 0.25, seed: 3 } }
              train: { uses: mlnet.train, needs: [split], with: { task: multiclass, label: weather, trainer: baseline } }
              evaluate: { uses: model.evaluate, needs: [train, split], with: { gates: [ { metric: accuracy, min: 0.3 } ] } }
            """;
        var run = await RunAsync(spec, []);
        Assert.True(Status(run) == "COMPLETE", Error(run));
        var split = Execution(run, "split").GetProperty("outputs").EnumerateArray()
            .ToDictionary(o => o.GetProperty("slot").GetString()!, o => JsonDocument.Parse(o.GetProperty("artifact").GetProperty("properties_json").GetString()!).RootElement.GetProperty("row_count").GetInt32());
        Assert.Equal(1461, split["train"] + split["test"]);
        Assert.InRange(split["test"], 360, 370);
        var source = Execution(import, "ingest").GetProperty("outputs")[0].GetProperty("artifact").GetProperty("content_hash").GetString();
        Assert.Equal(source, Execution(run, "ingest").GetProperty("outputs")[0].GetProperty("artifact").GetProperty("content_hash").GetString());

        var missing = await RunAsync(spec, new() { ["label"] = "cloud_cover" });
        Assert.Equal("FAILED", Status(missing));
        Assert.Contains("cloud_cover", Execution(missing, "basic").GetProperty("error").GetString());
    }

    private async Task<JsonElement> RunAsync(string spec, Dictionary<string, string> parameters, string? workingDirectory = null)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/pipelines/runs",
            new { spec, file_name = "pipeline.yaml", @params = parameters, working_directory = workingDirectory ?? ExampleDirectory });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var run = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/runs/{runId}");
            if (Status(run) != "RUNNING")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, "run did not finish");
            await Task.Delay(50);
        }
    }

    private async Task<JsonElement> VersionOfRunAsync(string runId)
    {
        var found = await _http.GetFromJsonAsync<JsonElement>(
            $"/api/2.0/mlflow/model-versions/search?filter={Uri.EscapeDataString($"name='{Model}' and tags.`cairn.pipeline_run`='{runId}'")}");
        return Assert.Single(found.GetProperty("model_versions").EnumerateArray());
    }

    private async Task<int> VersionCountAsync()
    {
        var found = await _http.GetFromJsonAsync<JsonElement>($"/api/2.0/mlflow/model-versions/search?filter={Uri.EscapeDataString($"name='{Model}'")}");
        return found.TryGetProperty("model_versions", out var versions) ? versions.GetArrayLength() : 0;
    }

    private static Dictionary<string, string> Tags(JsonElement version) =>
        version.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("value").GetString()!);

    private static string Status(JsonElement run) => run.GetProperty("run").GetProperty("status").GetString()!;

    private static string Error(JsonElement run) =>
        string.Join("\n", run.GetProperty("executions").EnumerateArray()
            .Where(e => e.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            .Select(e => e.GetProperty("step_id").GetString() + ": " + e.GetProperty("error").GetString()));

    private static JsonElement Execution(JsonElement run, string step) =>
        run.GetProperty("executions").EnumerateArray().Last(e => e.GetProperty("step_id").GetString() == step);

    private static List<string> States(JsonElement run) =>
        run.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("step_id").GetString() + "=" + e.GetProperty("state").GetString()).ToList();
}
