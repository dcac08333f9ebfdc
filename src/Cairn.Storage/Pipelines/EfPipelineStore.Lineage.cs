using Cairn.Core.Pipelines;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Pipelines;

public sealed partial class EfPipelineStore
{
    // Bounds a walk over a pathological graph; real lineage graphs are far smaller.
    private const int MaxLineageNodes = 10_000;

    public Task<LineageGraph> GetArtifactLineageAsync(long artifactId, CancellationToken cancellationToken) =>
        WalkAsync([artifactId], [], cancellationToken);

    public Task<LineageGraph> GetExecutionLineageAsync(long executionId, CancellationToken cancellationToken) =>
        WalkAsync([], [executionId], cancellationToken);

    /// <summary>
    /// Breadth-first walk in both directions separately: upstream follows artifact ← OUTPUT ← execution ←
    /// INPUT ← artifact, downstream the reverse, so siblings of a node are not pulled in.
    /// </summary>
    private async Task<LineageGraph> WalkAsync(List<long> startArtifacts, List<long> startExecutions, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var events = new Dictionary<long, LineageEventEntity>();
        var artifacts = new HashSet<long>(startArtifacts);
        var executions = new HashSet<long>(startExecutions);
        foreach (var upstream in new[] { true, false })
        {
            var frontierArtifacts = new HashSet<long>(startArtifacts);
            var frontierExecutions = new HashSet<long>(startExecutions);
            while ((frontierArtifacts.Count > 0 || frontierExecutions.Count > 0) && artifacts.Count + executions.Count < MaxLineageNodes)
            {
                // Artifact → the executions that produced it (upstream) or consumed it (downstream).
                var artifactKind = upstream ? (int)LineageEventKind.Output : (int)LineageEventKind.Input;
                var executionKind = upstream ? (int)LineageEventKind.Input : (int)LineageEventKind.Output;
                var fa = frontierArtifacts.ToList();
                var fe = frontierExecutions.ToList();
                var found = await db.LineageEvents
                    .Where(e => (fa.Contains(e.ArtifactId) && e.Kind == artifactKind) || (fe.Contains(e.ExecutionId) && e.Kind == executionKind))
                    .ToListAsync(cancellationToken);
                frontierArtifacts.Clear();
                frontierExecutions.Clear();
                foreach (var e in found)
                {
                    events.TryAdd(e.Id, e);
                    if (executions.Add(e.ExecutionId))
                    {
                        frontierExecutions.Add(e.ExecutionId);
                    }

                    if (artifacts.Add(e.ArtifactId))
                    {
                        frontierArtifacts.Add(e.ArtifactId);
                    }
                }
            }
        }

        var artifactRows = await db.LineageArtifacts.Where(a => artifacts.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var executionRows = await db.Executions.Where(x => executions.Contains(x.Id)).OrderBy(x => x.Id)
            .Select(x => new LineageExecution(x.Id, x.RunId, x.StepId, x.Attempt, (ExecutionState)x.State)).ToListAsync(cancellationToken);
        return new LineageGraph(
            artifactRows.Select(ToArtifact).ToList(),
            executionRows,
            events.Values.OrderBy(e => e.Id).Select(e => new LineageEvent(e.ExecutionId, e.ArtifactId, (LineageEventKind)e.Kind, e.Slot)).ToList());
    }
}
