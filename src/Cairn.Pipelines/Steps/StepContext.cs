using System.Text;
using System.Text.Json.Nodes;

namespace Cairn.Pipelines.Steps;

/// <summary>
/// What a running step sees: its resolved configuration, its inputs, an attempt-scoped output directory,
/// a log that is captured into the execution record, and a way to declare outputs.
/// </summary>
public sealed class StepContext
{
    private const int MaxLogChars = 1024 * 1024;
    private readonly StringBuilder _log = new();
    private readonly List<StepOutput> _outputs = [];
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly Func<StepInput, CancellationToken, Task<string>> _materialize;

    internal StepContext(
        string runId,
        string stepId,
        int attempt,
        JsonObject config,
        IReadOnlyDictionary<string, string> parameters,
        IReadOnlyList<StepInput> inputs,
        string outputDirectory,
        Func<StepInput, CancellationToken, Task<string>> materialize,
        IReadOnlyDictionary<string, string>? externalIdentities = null)
    {
        RunId = runId;
        StepId = stepId;
        Attempt = attempt;
        Config = config;
        Params = parameters;
        Inputs = inputs;
        OutputDirectory = outputDirectory;
        _materialize = materialize;
        ExternalIdentities = externalIdentities ?? new Dictionary<string, string>();
    }

    public string RunId { get; }

    public string StepId { get; }

    public int Attempt { get; }

    /// <summary>The <c>with:</c> block with params and output references substituted.</summary>
    public JsonObject Config { get; }

    public IReadOnlyDictionary<string, string> Params { get; }

    public IReadOnlyList<StepInput> Inputs { get; }

    /// <summary>
    /// What the step's <see cref="ICacheKeyContributor"/> reported for this attempt's cache key, so the step
    /// can check that what it reads is still what the key says (e.g. a file edited meanwhile).
    /// </summary>
    public IReadOnlyDictionary<string, string> ExternalIdentities { get; }

    /// <summary>A fresh local directory for this attempt only; outputs are written here.</summary>
    public string OutputDirectory { get; }

    public IReadOnlyList<StepOutput> Outputs
    {
        get
        {
            lock (_outputs)
            {
                return [.. _outputs];
            }
        }
    }

    /// <summary>Appends a line to the step's log (kept with the execution; the tail is kept when it is long).</summary>
    public void Log(string line)
    {
        lock (_log)
        {
            _log.Append(line).Append('\n');
            if (_log.Length > MaxLogChars)
            {
                _log.Remove(0, _log.Length - MaxLogChars);
            }
        }
    }

    public string LogText
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Reports a metric of this step (e.g. <c>macro_f1</c> from an evaluation); the engine records it
    /// with the execution and logs it to the pipeline run's tracked (MLflow) run.
    /// </summary>
    public void ReportMetric(string key, double value)
    {
        lock (_metrics)
        {
            _metrics[key] = value;
        }
    }

    /// <summary>The metrics reported so far.</summary>
    public IReadOnlyDictionary<string, double> Metrics
    {
        get
        {
            lock (_metrics)
            {
                return new Dictionary<string, double>(_metrics, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Declares a file (or directory) under <see cref="OutputDirectory"/> as the output <paramref name="slot"/>.
    /// With <paramref name="keepOnFailure"/> (a report) it is published even when the attempt then fails.
    /// </summary>
    public void DeclareOutput(string slot, string localPath, string type = "file", string? propertiesJson = null, bool keepOnFailure = false)
    {
        lock (_outputs)
        {
            _outputs.RemoveAll(o => o.Slot == slot);
            _outputs.Add(new StepOutput(slot, Path.GetFullPath(localPath, OutputDirectory), type, propertiesJson, keepOnFailure));
        }
    }

    /// <summary>A local path holding the input's content (fetched from the artifact store on first use).</summary>
    public Task<string> GetInputPathAsync(StepInput input, CancellationToken cancellationToken) => _materialize(input, cancellationToken);
}
