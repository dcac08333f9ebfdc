using Cairn.Core.Errors;

namespace Cairn.Server.Ui.Pages.Compare;

/// <summary>Reads the run ids of <c>/compare?runs=a,b</c> (also repeated <c>runs=a&amp;runs=b</c>).</summary>
public static class CompareQuery
{
    /// <summary>More runs than this make unreadable charts and too many store calls for one page.</summary>
    public const int MaxRuns = 10;

    /// <summary>The distinct run ids in order; INVALID_PARAMETER_VALUE when there are none or more than <see cref="MaxRuns"/>.</summary>
    public static IReadOnlyList<string> ParseRunIds(IEnumerable<string?>? values)
    {
        var ids = (values ?? [])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (ids.Count == 0)
        {
            throw CairnException.InvalidParameter("Missing value for parameter 'runs': give the ids of the runs to compare (runs=a,b), or tick them on an experiment's page.");
        }

        if (ids.Count > MaxRuns)
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter 'runs': {ids.Count} runs were given; compare at most {MaxRuns} at a time.");
        }

        return ids;
    }
}
