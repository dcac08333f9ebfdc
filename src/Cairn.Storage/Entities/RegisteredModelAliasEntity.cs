namespace Cairn.Storage.Entities;

/// <summary>An alias of a registered model; it references its version, so deleting the version deletes it.</summary>
public sealed class RegisteredModelAliasEntity
{
    public long RegisteredModelId { get; set; }
    public required string Alias { get; set; }
    public long Version { get; set; }
}
