namespace Cairn.Core;

/// <summary>Identifier formats shared with MLflow: runs are 32 lowercase hex characters, logged models <c>m-</c> + 32 hex.</summary>
public static class Ids
{
    public static string NewRunId() => Guid.NewGuid().ToString("N");

    public static string NewLoggedModelId() => "m-" + Guid.NewGuid().ToString("N");

    public static bool IsRunId(string? value) =>
        value is { Length: 32 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
