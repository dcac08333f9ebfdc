namespace Cairn.Contracts.Mlflow;

/// <summary>The empty success body <c>{}</c>.</summary>
public sealed record EmptyResponse
{
    public static EmptyResponse Instance { get; } = new();
}
