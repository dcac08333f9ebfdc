using Cairn.Pipelines.Spec;
using Cairn.Pipelines.Steps;
using Cairn.Pipelines.Tests.Support;

namespace Cairn.Pipelines.Tests.Spec;

public sealed class SpecValidationTests
{
    private static readonly PipelineCompiler Compiler = new(new StepCatalog([new NoopStep(), new ExecStep(), new CountStep(new StepLedger())]));

    private static IReadOnlyList<SpecProblem> Problems(string yaml, Dictionary<string, string>? overrides = null) =>
        Compiler.Compile(yaml, "p.yaml", overrides ?? []).Problems;

    [Fact]
    public void MalformedYaml_IsReportedWithLineAndColumn()
    {
        var problems = Problems("name: x\nsteps:\n  a: { uses: noop }\n  b: { uses: noop\n  c: 1\n");
        var problem = Assert.Single(problems);
        Assert.Equal("p.yaml", problem.File);
        Assert.True(problem.Line >= 3, problem.ToString());
        Assert.StartsWith("malformed YAML", problem.Reason);
    }

    [Fact]
    public void EveryProblemOfAFile_IsReported_WithItsLine()
    {
        var yaml = """
            name: demo
            colour: blue
            steps:
              a: { uses: noop }
              b: { uses: data.teleport, needs: [a] }
              c: { uses: noop, needs: [ghost], retries: -1 }
              d: { uses: exec, timeout: forever, with: { command: "echo hi", shell: true } }
            """;
        var problems = Problems(yaml).Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("p.yaml:2:1: unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("p.yaml:5:14: step 'b': unknown step kind 'data.teleport'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("p.yaml:6:28: step 'c': needs unknown step 'ghost'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("step 'c': 'retries' must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("p.yaml:7:29: step 'd': 'timeout' must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("step 'd': unknown key 'shell' in 'with'", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);
    }

    [Fact]
    public void Cycle_IsRejected_NamingItsSteps()
    {
        var yaml = """
            name: loop
            steps:
              start: { uses: noop }
              a: { uses: noop, needs: [start, c] }
              b: { uses: noop, needs: [a] }
              c: { uses: noop, needs: [b] }
            """;
        var problem = Assert.Single(Problems(yaml));
        Assert.Contains("dependency cycle: ", problem.Reason);
        foreach (var step in new[] { "a", "b", "c" })
        {
            Assert.Contains(step + " ->", problem.Reason);
        }

        Assert.DoesNotContain("start", problem.Reason);
    }

    [Fact]
    public void UnknownParamOrStepInReference_IsRejected()
    {
        var yaml = """
            name: refs
            params: { rate: 0.1 }
            steps:
              a: { uses: noop, with: { x: "${params.rat}", y: "${steps.zz.outputs.model}", z: "${env.HOME}" } }
            """;
        var problems = Problems(yaml);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Line == 4 && p.Reason.Contains("unknown param 'rat'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Reason.Contains("unknown step 'zz'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Reason.Contains("${env.HOME} is not a valid reference", StringComparison.Ordinal));
    }

    [Fact]
    public void WrongTypeInWith_IsRejected_AfterParamSubstitution()
    {
        var yaml = """
            name: types
            params: { cmd: 3 }
            steps:
              a: { uses: exec, with: { command: "${params.cmd}", outputs: [x] } }
              b: { uses: exec }
            """;
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.Reason == "step 'b': missing required key 'command' in 'with' (a list of strings)");
        var afterParse = Problems(yaml.Replace("  b: { uses: exec }", "", StringComparison.Ordinal));
        Assert.Contains(afterParse, p => p.Line == 4 && p.Reason == "step 'a': 'with.command' must be a list of strings, not a number");
        Assert.Contains(afterParse, p => p.Reason == "step 'a': 'with.outputs' must be a map of strings, not a list");
    }

    [Fact]
    public void ParamOverrides_AreCheckedAgainstDeclaredParams()
    {
        var yaml = "name: p\nparams: { epochs: 10, name: x }\nsteps:\n  a: { uses: noop, with: { e: \"${params.epochs}\" } }\n";
        var problems = Problems(yaml, new() { ["epochs"] = "many", ["lr"] = "0.1" });
        Assert.Contains(problems, p => p.Reason == "param override 'epochs=many' is not a number like its default");
        Assert.Contains(problems, p => p.Reason.StartsWith("param override 'lr' is not declared", StringComparison.Ordinal));

        var ok = Compiler.Compile(yaml, "p.yaml", new Dictionary<string, string> { ["epochs"] = "12" });
        Assert.Equal(12L, ok.Pipeline!.Configs["a"]["e"]!.GetValue<long>());
        Assert.Equal("12", ok.Pipeline.Params["epochs"]);
    }

    [Fact]
    public void OutputReference_ImpliesDependency_AndPlanOrdersFanIn()
    {
        var yaml = """
            name: dag
            steps:
              join: { uses: noop, needs: [left], with: { model: "${steps.right.outputs.model}" } }
              left: { uses: noop, needs: [root] }
              right: { uses: noop, needs: [root] }
              root: { uses: noop, timeout: 90s, retries: 2, cache: false }
            """;
        var pipeline = Compiler.Compile(yaml, "p.yaml", new Dictionary<string, string>()).Pipeline!;
        Assert.Equal(["left", "right"], pipeline.Plan.Upstream("join"));
        Assert.Equal(["root", "left", "right", "join"], pipeline.Plan.Order);
        var done = new HashSet<string> { "root", "left" };
        Assert.DoesNotContain("join", pipeline.Plan.Ready(done.Contains, done.Contains));
        done.Add("right");
        Assert.Equal(["join"], pipeline.Plan.Ready(done.Contains, done.Contains));
        var root = pipeline.Spec.Step("root")!;
        Assert.Equal(TimeSpan.FromSeconds(90), root.Timeout);
        Assert.Equal(2, root.Retries);
        Assert.False(root.Cache);
    }
}
