using Cairn.Contracts.Mlflow.LoggedModels;
using Cairn.Core.LoggedModels;

namespace Cairn.Server.Mlflow;

/// <summary>Logged models to MLflow's wire shape: empty lists are absent, <c>model_type</c> is "" when unset (as the real server sends it).</summary>
public static class LoggedModelWireMapping
{
    public static LoggedModelDto ToDto(this LoggedModel m) => new(
        new LoggedModelInfoDto
        {
            ModelId = m.ModelId,
            ExperimentId = m.ExperimentId,
            Name = m.Name,
            CreationTimestampMs = m.CreationTimestampMs,
            LastUpdatedTimestampMs = m.LastUpdatedTimestampMs,
            ArtifactUri = m.ArtifactUri,
            Status = m.Status.ToWire(),
            ModelType = m.ModelType ?? "",
            SourceRunId = m.SourceRunId,
            Tags = m.Tags.ToDtos(),
            Params = m.Params.ToDtos(),
        },
        new LoggedModelDataDto
        {
            Metrics = m.Metrics.Count == 0 ? null : [.. m.Metrics.Select(x => x.ToDto())],
        });
}
