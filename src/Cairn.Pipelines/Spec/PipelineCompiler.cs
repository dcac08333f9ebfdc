using System.Security.Cryptography;
using System.Text;
using Cairn.Core.Errors;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Spec;

/// <summary>Spec text + param overrides → a validated, resolved pipeline (or every problem).</summary>
public sealed class PipelineCompiler(StepCatalog catalog)
{
    private readonly StepCatalog _catalog = catalog;

    public StepCatalog Catalog => _catalog;

    public CompileResult Compile(string yaml, string file, IReadOnlyDictionary<string, string> overrides)
    {
        var parsed = new PipelineSpecParser(_catalog).Parse(yaml, file);
        return parsed.Spec is null ? new CompileResult(null, parsed.Problems) : SpecResolver.Resolve(parsed.Spec, overrides, _catalog);
    }

    /// <summary>Like <see cref="Compile"/> but throws one error that lists every problem.</summary>
    public ResolvedPipeline CompileOrThrow(string yaml, string file, IReadOnlyDictionary<string, string> overrides)
    {
        var result = Compile(yaml, file, overrides);
        return result.Pipeline ?? throw Invalid(result.Problems);
    }

    public static CairnException Invalid(IReadOnlyList<SpecProblem> problems) =>
        CairnException.InvalidParameter($"Invalid pipeline spec ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n" +
            string.Join("\n", problems));

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
