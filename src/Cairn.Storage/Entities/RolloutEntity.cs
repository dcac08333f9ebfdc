namespace Cairn.Storage.Entities;

/// <summary>
/// One rollout. <see cref="ActiveDeployment"/> holds the deployment name while the rollout is active and
/// null once it ended: its unique index is what allows at most one active rollout per deployment, even
/// for two servers racing on one database.
/// </summary>
public sealed class RolloutEntity
{
    public long Id { get; set; }
    public required string Deployment { get; set; }
    public string? ActiveDeployment { get; set; }
    public required string Model { get; set; }
    public long Version { get; set; }
    public required string CandidateVariant { get; set; }
    public required string ChampionsJson { get; set; }
    public long StartEventSequence { get; set; }
    public required string PolicyJson { get; set; }
    public required string State { get; set; }
    public int StepIndex { get; set; }
    public int Weight { get; set; }
    public long StepStartedAt { get; set; }
    public int Failures { get; set; }
    public int Inconclusive { get; set; }
    public required string Actor { get; set; }
    public required string Trigger { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long Revision { get; set; }
}
