using Cairn.Testing;
using Cairn.Pipelines.Spec;
using Cairn.Pipelines.Steps;
using Cairn.Pipelines.Steps.Ml;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Pipelines.Tests.Ml;

/// <summary>The ML steps' configuration schemas take part in spec validation, before anything runs.</summary>
public sealed class MlStepSpecTests
{
    private static readonly PipelineCompiler Compiler = CreateCompiler();

    private static PipelineCompiler CreateCompiler()
    {
        var services = new MlServices(new ServiceCollection().BuildServiceProvider());
        return new PipelineCompiler(new StepCatalog(
        [
            new DataImportStep(services), new DataValidateStep(services), new DataSplitStep(),
            new MlnetTrainStep(), new ModelEvaluateStep(services), new ModelRegisterStep(services),
        ]));
    }

    private static string ExampleSpec() => File.ReadAllText(Path.Combine(Repository.SeattleWeatherExample, "pipeline.yaml"));

    [Fact]
    public void TheExamplePipeline_IsValid_AndItsParamsReachTheSteps()
    {
        var result = Compiler.Compile(ExampleSpec(), "pipeline.yaml", new Dictionary<string, string> { ["trainer"] = "fasttree" });
        Assert.Empty(result.Problems);
        Assert.Equal("fasttree", result.Pipeline!.Configs["train"]["trainer"]!.GetValue<string>());
    }

    [Fact]
    public void WrongOrMissingStepConfiguration_IsReportedWithItsLine()
    {
        var yaml = """
            name: bad-ml
            steps:
              ingest: { uses: data.import, with: { path: a.csv } }
              train: { uses: mlnet.train, needs: [ingest], with: { task: multiclass, label: y, trainer: [lightgbm], epochs: 3 } }
            """;
        var problems = Compiler.Compile(yaml, "p.yaml", new Dictionary<string, string>()).Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("p.yaml:3:", StringComparison.Ordinal) && p.Contains("dataset", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("p.yaml:4:", StringComparison.Ordinal) && p.Contains("trainer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("p.yaml:4:", StringComparison.Ordinal) && p.Contains("epochs", StringComparison.Ordinal));
    }

    [Fact]
    public void ReservedRunParams_AreNotParamOverrides()
    {
        var result = Compiler.Compile(ExampleSpec(), "pipeline.yaml", new Dictionary<string, string> { [DataImportStep.WorkingDirectoryParam] = "/data" });
        Assert.Empty(result.Problems);
        Assert.Equal(Path.GetFullPath("/data/data/seattle-weather.csv"), DataImportStep.ResolvePath("data/seattle-weather.csv", new Dictionary<string, string> { [DataImportStep.WorkingDirectoryParam] = "/data" }));
    }
}
