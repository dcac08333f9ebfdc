namespace Cairn.Storage.Entities;

/// <summary>A dataset name (table data_sets; "datasets" is MLflow's log-inputs table).</summary>
public sealed class DatasetNameEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public long CreatedAtMs { get; set; }
    public List<DatasetVersionEntity> Versions { get; set; } = [];
    public List<DatasetTagEntity> Tags { get; set; } = [];
}
