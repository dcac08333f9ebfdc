using Microsoft.AspNetCore.WebUtilities;

namespace Cairn.Server.Ui.Pages.Experiments;

/// <summary>
/// The state of a runs table as the query string carries it — filter (MLflow grammar), order_by, page token,
/// page size and the chosen metric/param columns — and the links that change one part of it.
/// </summary>
public sealed record RunsQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int DefaultColumnsPerKind = 6;

    public string? Filter { get; init; }

    public string? Order { get; init; }

    public string? PageToken { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Column ids the user picked (<c>metrics.rmse</c>, <c>params.lr</c>); empty means the default columns.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Reads the query string values; blank values count as absent, the page size is kept within 1..500.</summary>
    public static RunsQuery From(string? filter, string? order, string? pageToken, int? size, IEnumerable<string>? columns) => new()
    {
        Filter = string.IsNullOrWhiteSpace(filter) ? null : filter.Trim(),
        Order = string.IsNullOrWhiteSpace(order) ? null : order.Trim(),
        PageToken = string.IsNullOrWhiteSpace(pageToken) ? null : pageToken,
        PageSize = Math.Clamp(size ?? DefaultPageSize, 1, MaxPageSize),
        Columns = columns?.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList() ?? [],
    };

    /// <summary>
    /// The metric and param columns to show: the picked ones that the experiment has (in its key order), or
    /// by default the first few keys of each kind.
    /// </summary>
    public IReadOnlyList<RunColumn> ChooseColumns(IReadOnlyList<string> metricKeys, IReadOnlyList<string> paramKeys)
    {
        var all = metricKeys.Select(RunColumn.Metric).Concat(paramKeys.Select(RunColumn.Param)).ToList();
        if (Columns.Count == 0)
        {
            // Plain keys first: pipelines log each step's metric twice (step.metric and metric), and the plain one reads best.
            return [.. Preferred(all.Where(c => c.Kind == RunColumnKind.Metric)), .. Preferred(all.Where(c => c.Kind == RunColumnKind.Param))];
        }

        var picked = Columns.ToHashSet(StringComparer.Ordinal);
        return [.. all.Where(c => picked.Contains(c.Id))];
    }

    private static IEnumerable<RunColumn> Preferred(IEnumerable<RunColumn> columns) =>
        columns.OrderBy(c => c.Key.Contains('.', StringComparison.Ordinal) ? 1 : 0).ThenBy(c => c.Key, StringComparer.Ordinal).Take(DefaultColumnsPerKind);

    /// <summary>The direction the table is sorted by <paramref name="column"/>: true ascending, false descending, null not sorted by it.</summary>
    public bool? SortedBy(RunColumn column)
    {
        if (Order is null)
        {
            return column == RunColumn.Started ? false : null;
        }

        var order = string.Join(' ', Order.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (string.Equals(order, column.OrderKey, StringComparison.Ordinal) || string.Equals(order, column.OrderKey + " ASC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(order, column.OrderKey + " DESC", StringComparison.OrdinalIgnoreCase) ? false : null;
    }

    /// <summary>The link that sorts by <paramref name="column"/>: ascending first, then flips; back to the first page.</summary>
    public string SortUrl(string path, RunColumn column)
    {
        var direction = SortedBy(column) == true ? "DESC" : "ASC";
        return Url(path, this with { Order = $"{column.OrderKey} {direction}", PageToken = null });
    }

    /// <summary>The same table at another page (null: the first page).</summary>
    public string PageUrl(string path, string? pageToken) => Url(path, this with { PageToken = pageToken });

    /// <summary>The zero-based offset of this page, read from its token (0 for the first page or a token the store will reject).</summary>
    public int Offset
    {
        get
        {
            try
            {
                return Cairn.Core.Paging.PageToken.Decode(PageToken);
            }
            catch (Cairn.Core.Errors.CairnException)
            {
                return 0;
            }
        }
    }

    /// <summary>The token of the page before this one, or null when this is the first page (or the page before is).</summary>
    public string? PreviousPageToken => Offset - PageSize > 0 ? Cairn.Core.Paging.PageToken.Encode(Offset - PageSize) : null;

    public bool HasPreviousPage => Offset > 0;

    private static string Url(string path, RunsQuery query)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }

        Add("filter", query.Filter);
        Add("order", query.Order);
        Add("size", query.PageSize == DefaultPageSize ? null : query.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var column in query.Columns)
        {
            Add("col", column);
        }

        Add("page", query.PageToken);
        return QueryHelpers.AddQueryString(path, pairs);
    }
}
