namespace Cairn.Storage.Entities;

public sealed class ModelVersionEntity
{
    public long RegisteredModelId { get; set; }
    public long Version { get; set; }
    public RegisteredModelEntity RegisteredModel { get; set; } = null!;
    public long CreationTime { get; set; }
    public long LastUpdatedTime { get; set; }
    public string? Description { get; set; }
    public string? UserId { get; set; }
    public required string CurrentStage { get; set; }
    public required string Source { get; set; }
    public string? StorageLocation { get; set; }
    public string? RunId { get; set; }
    public string? RunLink { get; set; }
    public string? ModelId { get; set; }
    public required string Status { get; set; }
    public string? StatusMessage { get; set; }
    public List<ModelVersionTagEntity> Tags { get; set; } = [];
}
