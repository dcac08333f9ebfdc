namespace Cairn.Contracts.Native.Datasets;

/// <summary>A dataset schema on the wire (the shape Cairn.Data stores). Type is numeric, boolean, categorical, text or datetime.</summary>
public sealed record DatasetSchemaDto(IReadOnlyList<ColumnSchemaDto> Columns);

public sealed record ColumnSchemaDto(string Name, string Type)
{
    public bool Nullable { get; init; }
    public bool IsInteger { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? MaxMissingRate { get; init; }
}
