using System.Globalization;
using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Tracking;

namespace Cairn.Server.Mlflow;

/// <summary>Domain ↔ MLflow wire conversions for tracking. Empty lists become absent fields, as in proto2 JSON.</summary>
public static class TrackingMapping
{
    public static IReadOnlyList<T>? NullIfEmpty<T>(this IReadOnlyList<T> list) => list.Count == 0 ? null : list;

    public static KeyValueDto ToDto(this KeyValue kv) => new() { Key = kv.Key, Value = kv.Value };

    public static IReadOnlyList<KeyValueDto>? ToDtos(this IReadOnlyList<KeyValue> list) =>
        list.Count == 0 ? null : list.Select(ToDto).ToList();

    /// <summary>Wire key/values to domain ones; a missing key or value is named in the error.</summary>
    public static IReadOnlyList<KeyValue> ToDomain(this IReadOnlyList<KeyValueDto>? list, string field) =>
        list is null ? [] : list.Select((kv, i) => new KeyValue(
            kv.Key is { Length: > 0 } key ? key : throw CairnException.MissingParameter($"{field}[{i}].key"),
            kv.Value ?? throw CairnException.MissingParameter($"{field}[{i}].value"))).ToList();

    public static ExperimentDto ToDto(this Experiment e) => new()
    {
        ExperimentId = e.ExperimentId,
        Name = e.Name,
        ArtifactLocation = e.ArtifactLocation,
        LifecycleStage = e.LifecycleStage,
        LastUpdateTime = e.LastUpdateTime,
        CreationTime = e.CreationTime,
        Tags = e.Tags.ToDtos(),
    };

    public static RunInfoDto ToDto(this RunInfo r) => new()
    {
        RunId = r.RunId,
        RunUuid = r.RunId,
        RunName = r.RunName,
        ExperimentId = r.ExperimentId,
        UserId = r.UserId,
        Status = StatusName(r.Status),
        StartTime = r.StartTime,
        EndTime = r.EndTime,
        ArtifactUri = r.ArtifactUri,
        LifecycleStage = r.LifecycleStage,
    };

    /// <summary>
    /// A run on the wire. MLflow's runs/get always carries <c>"outputs": {}</c> while runs/create leaves it
    /// out; <paramref name="withOutputs"/> reproduces that.
    /// </summary>
    public static RunDto ToDto(this Run r, bool withOutputs = true) => new()
    {
        Info = r.Info.ToDto(),
        Data = new RunDataDto
        {
            Metrics = r.Metrics.Count == 0 ? null : r.Metrics.Select(m => m.ToDto()).ToList(),
            Params = r.Params.ToDtos(),
            Tags = r.Tags.ToDtos(),
        },
        Inputs = new RunInputsDto
        {
            DatasetInputs = r.DatasetInputs.Count == 0 ? null : r.DatasetInputs.Select(ToDto).ToList(),
            ModelInputs = r.ModelInputs.Count == 0 ? null : r.ModelInputs.Select(id => new ModelInputDto { ModelId = id }).ToList(),
        },
        Outputs = r.ModelOutputs.Count == 0
            ? (withOutputs ? new RunOutputsDto() : null)
            : new RunOutputsDto { ModelOutputs = r.ModelOutputs.Select(o => new ModelOutputDto { ModelId = o.ModelId, Step = o.Step }).ToList() },
    };

    public static MetricDto ToDto(this Metric m) => new()
    {
        Key = m.Key,
        Value = m.Value,
        Timestamp = m.Timestamp,
        Step = m.Step,
        RunId = m.RunId,
        ModelId = m.ModelId,
        DatasetName = m.DatasetName,
        DatasetDigest = m.DatasetDigest,
    };

    public static DatasetInputDto ToDto(this DatasetInput input) => new()
    {
        Tags = input.Tags.ToDtos(),
        Dataset = new DatasetDto
        {
            Name = input.Dataset.Name,
            Digest = input.Dataset.Digest,
            SourceType = input.Dataset.SourceType,
            Source = input.Dataset.Source,
            Schema = input.Dataset.Schema,
            Profile = input.Dataset.Profile,
        },
    };

    /// <summary>A wire metric to a domain one: key, value and timestamp are required, step defaults to 0.</summary>
    public static Metric ToDomain(this MetricDto m, string field) => new(
        m.Key is { Length: > 0 } key ? key : throw CairnException.MissingParameter($"{field}key"),
        m.Value ?? throw CairnException.MissingParameter($"{field}value"),
        m.Timestamp ?? throw CairnException.MissingParameter($"{field}timestamp"),
        m.Step ?? 0)
    {
        ModelId = m.ModelId,
        DatasetName = m.DatasetName,
        DatasetDigest = m.DatasetDigest,
    };

    public static DatasetInput ToDomain(this DatasetInputDto input, int index)
    {
        var field = $"datasets[{index}].dataset";
        var d = input.Dataset ?? throw CairnException.MissingParameter(field);
        var dataset = new Dataset(
            MlflowRequest.Required(d.Name, field + ".name"),
            MlflowRequest.Required(d.Digest, field + ".digest"),
            MlflowRequest.Required(d.SourceType, field + ".source_type"),
            MlflowRequest.Required(d.Source, field + ".source"))
        {
            Schema = d.Schema,
            Profile = d.Profile,
        };
        return new DatasetInput(dataset, input.Tags.ToDomain($"datasets[{index}].tags"));
    }

    public static string StatusName(RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => ((int)status).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The MLflow client sends both run_id and the deprecated run_uuid; run_id wins.</summary>
    public static string RunIdOf(string? runId, string? runUuid) =>
        runId is { Length: > 0 } ? runId : runUuid is { Length: > 0 } ? runUuid : throw CairnException.MissingParameter("run_id");
}
