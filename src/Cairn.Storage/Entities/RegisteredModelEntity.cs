namespace Cairn.Storage.Entities;

/// <summary>
/// A registered model. The surrogate <see cref="Id"/> keeps renames to one row; <see cref="LastVersion"/>
/// is the highest version number ever assigned, so numbers are never reused after a delete.
/// </summary>
public sealed class RegisteredModelEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public long CreationTime { get; set; }
    public long LastUpdatedTime { get; set; }
    public string? Description { get; set; }
    public string? UserId { get; set; }
    public long LastVersion { get; set; }
    public List<RegisteredModelTagEntity> Tags { get; set; } = [];
}
