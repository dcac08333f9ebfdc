namespace Cairn.Core.Registry;

/// <summary>
/// One version of a registered model. Version numbers are per model, start at 1, increase, and are
/// never reused after a delete. <see cref="StorageLocation"/> is where the files really are when
/// <see cref="Source"/> is an indirection (<c>models:/m-...</c>); null when the source is the location.
/// </summary>
public sealed record ModelVersion
{
    public required string Name { get; init; }
    public long Version { get; init; }
    public long CreationTimestamp { get; init; }
    public long LastUpdatedTimestamp { get; init; }
    public string? UserId { get; init; }
    public string CurrentStage { get; init; } = ModelVersionStage.None;
    public string? Description { get; init; }
    public required string Source { get; init; }
    public string? StorageLocation { get; init; }
    public string? RunId { get; init; }
    public string? RunLink { get; init; }
    public string? ModelId { get; init; }
    public string Status { get; init; } = ModelVersionStatus.Ready;
    public string? StatusMessage { get; init; }
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Where a client downloads this version's files from.</summary>
    public string DownloadUri => StorageLocation ?? Source;
}
