using System.Globalization;
using Cairn.Contracts.Native.Monitoring;

namespace Cairn.Cli.Commands.Monitor;

/// <summary>Turns the <c>config</c> and <c>alert-rules</c> options into the API's objects (the server validates the values).</summary>
internal static class MonitorSettings
{
    private static readonly string[] Ops = ["<=", ">=", "<", ">"];

    /// <summary>
    /// <c>COLUMN:METHOD</c>, <c>COLUMN:METHOD:THRESHOLD</c> or <c>COLUMN::THRESHOLD</c>; null override for
    /// <c>COLUMN:default</c> (removes it). A column name may hold colons: the method and threshold are read from the end.
    /// </summary>
    internal static (string Column, ColumnDriftOverrideDto? Override) ParseColumn(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 2)
        {
            throw new CliUsageException($"--column '{text}' must be COLUMN:METHOD[:THRESHOLD] or COLUMN::THRESHOLD.");
        }

        double? threshold = null;
        var methodIndex = parts.Length - 1;
        if (parts.Length >= 3 && double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            threshold = value;
            methodIndex--;
        }

        var column = string.Join(':', parts[..methodIndex]);
        var method = parts[methodIndex];
        if (column.Length == 0 || (method.Length == 0 && threshold is null))
        {
            throw new CliUsageException($"--column '{text}' must name a column and a method or a threshold.");
        }

        return method == "default" && threshold is null ? (column, null) : (column, new ColumnDriftOverrideDto(method.Length == 0 ? null : method, threshold));
    }

    /// <summary>The words that clear a setting: <c>--interval off</c>, <c>--method default</c>, <c>--variant all</c> (only these, so a variant may be called "default").</summary>
    internal static bool IsReset(string value, string word) => value == word || (word == "off" && value == "none");

    /// <summary><c>NAME:METRIC:OP:THRESHOLD</c>; the metric may itself hold colons (<c>feature_drift:temp_max</c>).</summary>
    internal static AlertRuleDto ParseRule(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 4 || parts[0].Length == 0)
        {
            throw new CliUsageException($"--set '{text}' must be NAME:METRIC:OP:THRESHOLD, e.g. low-acc:accuracy:<:0.8.");
        }

        var op = parts[^2];
        if (!Ops.Contains(op))
        {
            throw new CliUsageException($"--set '{text}': the operator must be one of <, <=, >, >= (got '{op}').");
        }

        if (!double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
        {
            throw new CliUsageException($"--set '{text}': the threshold '{parts[^1]}' is not a number.");
        }

        return new AlertRuleDto(parts[0], string.Join(':', parts[1..^2]), op, threshold);
    }
}
