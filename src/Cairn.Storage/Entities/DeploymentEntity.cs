namespace Cairn.Storage.Entities;

/// <summary>A deployment row; its variants are one JSON document (always read and replaced whole).</summary>
public sealed class DeploymentEntity
{
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? StickyKey { get; set; }
    public int Status { get; set; }
    public required string VariantsJson { get; set; }
    public long CreationTimestamp { get; set; }
    public long LastUpdatedTimestamp { get; set; }
    public long Revision { get; set; }
}
