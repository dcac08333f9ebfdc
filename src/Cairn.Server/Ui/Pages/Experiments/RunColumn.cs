namespace Cairn.Server.Ui.Pages.Experiments;

/// <summary>What a runs-table column shows: a run attribute, a metric or a param.</summary>
public enum RunColumnKind
{
    Attribute,
    Metric,
    Param,
}

/// <summary>
/// One column of the runs table. <see cref="Id"/> is how the column is named in the page's query string
/// (<c>metrics.rmse</c>, <c>params.lr</c>); <see cref="OrderKey"/> is the MLflow order_by key that sorts by it.
/// </summary>
public sealed record RunColumn(RunColumnKind Kind, string Key, string Label)
{
    public static readonly RunColumn RunName = new(RunColumnKind.Attribute, "run_name", "Run");
    public static readonly RunColumn Status = new(RunColumnKind.Attribute, "status", "Status");
    public static readonly RunColumn Started = new(RunColumnKind.Attribute, "start_time", "Started (UTC)");
    public static readonly RunColumn Ended = new(RunColumnKind.Attribute, "end_time", "Ended (UTC)");
    public static readonly RunColumn User = new(RunColumnKind.Attribute, "user_id", "User");

    /// <summary>The attribute columns every runs table shows, in order.</summary>
    public static IReadOnlyList<RunColumn> Attributes { get; } = [RunName, Status, Started, Ended, User];

    public static RunColumn Metric(string key) => new(RunColumnKind.Metric, key, key);

    public static RunColumn Param(string key) => new(RunColumnKind.Param, key, key);

    public string Id => Kind switch
    {
        RunColumnKind.Metric => "metrics." + Key,
        RunColumnKind.Param => "params." + Key,
        _ => Key,
    };

    /// <summary>
    /// The order_by identifier: attributes bare, metric and param keys quoted (keys may hold dots, spaces,
    /// dashes) with backticks, or double quotes when the key itself holds a backtick.
    /// </summary>
    public string OrderKey => Kind switch
    {
        RunColumnKind.Metric => "metrics." + Quote(Key),
        RunColumnKind.Param => "params." + Quote(Key),
        _ => Key,
    };

    /// <summary>Reads a column id from the query string (<c>metrics.rmse</c>); null when it names no metric or param.</summary>
    public static RunColumn? Parse(string id)
    {
        if (id.StartsWith("metrics.", StringComparison.Ordinal) && id.Length > "metrics.".Length)
        {
            return Metric(id["metrics.".Length..]);
        }

        return id.StartsWith("params.", StringComparison.Ordinal) && id.Length > "params.".Length ? Param(id["params.".Length..]) : null;
    }

    private static string Quote(string key) => key.Contains('`', StringComparison.Ordinal) ? $"\"{key}\"" : $"`{key}`";
}
