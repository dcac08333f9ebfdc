namespace Cairn.Core.Tracking;

/// <summary>A run with its data: latest metric values, params, tags, inputs and outputs.</summary>
public sealed record Run
{
    public required RunInfo Info { get; init; }
    public IReadOnlyList<Metric> Metrics { get; init; } = [];
    public IReadOnlyList<KeyValue> Params { get; init; } = [];
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
    public IReadOnlyList<DatasetInput> DatasetInputs { get; init; } = [];
    public IReadOnlyList<string> ModelInputs { get; init; } = [];
    public IReadOnlyList<ModelOutput> ModelOutputs { get; init; } = [];
}
