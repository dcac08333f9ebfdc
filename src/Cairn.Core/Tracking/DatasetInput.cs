namespace Cairn.Core.Tracking;

/// <summary>A dataset used by a run, with input tags such as <c>mlflow.data.context=training</c>.</summary>
public sealed record DatasetInput(Dataset Dataset, IReadOnlyList<KeyValue> Tags);
