namespace Cairn.Contracts.Mlflow;

/// <summary>A param or tag on the wire: <c>{"key": ..., "value": ...}</c>.</summary>
public sealed record KeyValueDto
{
    public string? Key { get; init; }
    public string? Value { get; init; }
}
