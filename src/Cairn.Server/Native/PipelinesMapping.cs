using Cairn.Contracts.Native.Pipelines;
using Cairn.Core.Pipelines;
using Cairn.Pipelines;

namespace Cairn.Server.Native;

/// <summary>Domain → wire records of the pipelines API.</summary>
internal static class PipelinesMapping
{
    public static PipelineDto ToDto(PipelineInfo p) => new(p.Name, p.CreatedTime, p.LastRunTime, p.VersionCount);

    public static PipelineRunDto ToDto(PipelineRunInfo r) => new(
        r.RunId, r.PipelineName, r.SpecHash, r.Params.ToDictionary(), r.Trigger, r.NoCache, r.Status.ToWire(), r.CreatedTime, r.EndTime, r.Error, r.TrackingRunId);

    public static GetPipelineRunResponse ToDto(PipelineRunDetails d) => new(
        ToDto(d.Run),
        d.StepOrder.ToList(),
        d.Executions.Select(e => new ExecutionDto(
            e.Id, e.StepId, e.Attempt, e.State.ToWire(), e.CacheKey, e.Worker, e.StartTime, e.EndTime, e.Error, e.Log, e.CachedFromExecutionId,
            e.Inputs.Select(ToDto).ToList(), e.Outputs.Select(ToDto).ToList())).ToList());

    public static LineageResponse ToDto(LineageGraph g) => new(
        g.Artifacts.Select(ToDto).ToList(),
        g.Executions.Select(e => new LineageExecutionDto(e.Id, e.RunId, e.StepId, e.Attempt, e.State.ToWire())).ToList(),
        g.Events.Select(e => new LineageEventDto(e.ExecutionId, e.ArtifactId, e.Kind == LineageEventKind.Input ? "INPUT" : "OUTPUT", e.Slot)).ToList());

    private static ArtifactSlotDto ToDto(ArtifactSlot s) => new(s.Slot, ToDto(s.Artifact));

    private static LineageArtifactDto ToDto(LineageArtifact a) => new(a.Id, a.Type, a.Uri, a.ContentHash, a.PropertiesJson, a.CreatedTime);
}
