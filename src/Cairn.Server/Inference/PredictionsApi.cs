using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Contracts.Native.Predictions;
using Cairn.Core.Errors;
using Cairn.Core.Serving;
using Cairn.Data.Tables;
using Cairn.Serving.PredictionLog;
using Cairn.Storage;

namespace Cairn.Server.Inference;

/// <summary>
/// The prediction log in the server: options bound from <c>Cairn:PredictionLog</c>, segments under
/// <c>{home}/predictions</c>, and <c>GET /api/v1/deployments/{name}/predictions</c> — recent records,
/// newest first, joined with feedback. Records reach the API once written (within the flush interval).
/// </summary>
public static class PredictionsApi
{
    private const int DefaultMaxResults = 100;
    private const int MaxMaxResults = 1000;

    public static IServiceCollection AddPredictionsApi(this IServiceCollection services)
    {
        var storage = services.Select(d => d.ImplementationInstance).OfType<StorageOptions>().FirstOrDefault() ?? new StorageOptions();
        services.AddPredictionLog(o => o.Directory = Path.Combine(storage.Home, "predictions"));
        services.AddOptions<PredictionLogOptions>().BindConfiguration(PredictionLogOptions.Section);
        return services;
    }

    public static WebApplication MapPredictionsApi(this WebApplication app)
    {
        app.MapGet("/api/v1/deployments/{name}/predictions", ListPredictions);
        return app;
    }

    private static async Task<IResult> ListPredictions(string name, HttpRequest request, PredictionLogReader reader, IServiceProvider services, CancellationToken ct)
    {
        var maxResults = ParseLong(request, "max_results") ?? DefaultMaxResults;
        if (maxResults is < 1 or > MaxMaxResults)
        {
            throw CairnException.InvalidParameter($"Invalid value {maxResults} for parameter 'max_results': it must be between 1 and {MaxMaxResults}.");
        }

        var from = ParseLong(request, "from");
        var to = ParseLong(request, "to");
        if (from is { } f && to is { } t && f >= t)
        {
            throw CairnException.InvalidParameter($"Invalid window: 'from' ({f}) must be less than 'to' ({t}).");
        }

        var variant = request.Query["variant"] is { Count: > 0 } v && !string.IsNullOrEmpty(v[0]) ? v[0] : null;
        var records = await ReadRecentAsync(
            reader, services, new PredictionLogQuery { Deployment = name, From = from, To = to, Last = (int)maxResults, Variant = variant }, ct);
        return TypedResults.Json(new ListPredictionsResponse(records), PredictionsJsonContext.Default.ListPredictionsResponse);
    }

    /// <summary>
    /// The newest records of <paramref name="query"/>, newest first, each joined with its feedback (one
    /// feedback lookup for all of them); 404 for a deployment that does not exist and has no log. The web
    /// UI's deployment page reads the same way.
    /// </summary>
    public static async Task<IReadOnlyList<PredictionRecordDto>> ReadRecentAsync(
        PredictionLogReader reader, IServiceProvider services, PredictionLogQuery query, CancellationToken ct)
    {
        var name = query.Deployment;
        var columns = await reader.ReadAsync(query, ct);
        if (columns.RowCount == 0 && services.GetService<IDeploymentStore>() is { } deployments
            && await deployments.GetAsync(name, ct) is null)
        {
            throw CairnException.NotFound($"Deployment '{name}' does not exist.");
        }

        IReadOnlyDictionary<string, Feedback> feedback = columns.RowCount > 0 && services.GetService<IFeedbackStore>() is { } store
            ? await store.GetAsync(name, columns.RequestIds.Distinct(StringComparer.Ordinal).ToList(), ct)
            : new Dictionary<string, Feedback>();

        var records = new List<PredictionRecordDto>(columns.RowCount);
        for (var row = columns.RowCount - 1; row >= 0; row--)
        {
            var id = columns.RequestIds[row];
            records.Add(new PredictionRecordDto(
                id, columns.Timestamps[row], columns.Variants[row], columns.Models![row], columns.Versions![row], columns.Shadow[row],
                Inputs(columns.Features, row), columns.Labels![row], columns.Scores![row], columns.Probabilities![row], columns.LatencyMicros![row],
                feedback.TryGetValue(id, out var fb) ? new PredictionFeedbackDto(fb.Timestamp, fb.Actual, fb.Outcome, fb.Value) : null));
        }

        return records;
    }

    private static long? ParseLong(HttpRequest request, string parameter)
    {
        if (request.Query[parameter] is not { Count: > 0 } values || string.IsNullOrEmpty(values[0]))
        {
            return null;
        }

        return long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CairnException.InvalidParameter($"Invalid value '{values[0]}' for parameter '{parameter}': it must be an integer.");
    }

    /// <summary>Missing values are left out, as the records API leaves them out of requests.</summary>
    private static JsonObject Inputs(DataTable features, int row)
    {
        var inputs = new JsonObject();
        foreach (var column in features.Columns)
        {
            if (column.IsMissing(row))
            {
                continue;
            }

            inputs[column.Name] = column.Schema.Type switch
            {
                ColumnType.Numeric => JsonValue.Create(column.Numbers![row]),
                ColumnType.Boolean => JsonValue.Create(column.Booleans![row]!.Value),
                ColumnType.DateTime => JsonValue.Create(column.Times![row]!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(column.Strings![row]),
            };
        }

        return inputs;
    }
}
