using System.Globalization;
using Cairn.Core.Serving;

namespace Cairn.Serving.Metrics;

public sealed partial class ServingMetrics
{
    /// <summary>
    /// Writes every serving metric family. The prediction log's counters and the loaded-model count are
    /// read at scrape time from their owners (passed in, so this class depends on neither and the model
    /// host can depend on it). Series are sorted by label values so scrapes are stable and diffable.
    /// </summary>
    public void WriteTo(PrometheusTextWriter writer, PredictionLogStats? predictionLog = null, int? loadedModels = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteRequests(writer);
        WriteShadows(writer);
        WriteModelLoads(writer, loadedModels);
        if (predictionLog is { } stats)
        {
            WritePredictionLog(writer, stats);
        }
    }

    private void WriteRequests(PrometheusTextWriter writer)
    {
        var series = _requests
            .Select(p => (p.Key, Snapshot: p.Value.Snapshot()))
            .OrderBy(s => s.Key.Deployment, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Variant, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Protocol, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Code)
            .ToList();

        writer.CountedLatency(
            ("cairn_requests_total", "Answered inference requests by deployment, live variant, protocol (oip, records) and HTTP status code."),
            ("cairn_request_duration_seconds", "End-to-end inference request latency in seconds (decode, route, score, encode)."),
            [.. series.Select(s => (Labels(s.Key), s.Snapshot))]);
    }

    private void WriteShadows(PrometheusTextWriter writer)
    {
        var series = _shadows
            .Select(p => (p.Key, Snapshot: p.Value.Snapshot()))
            .OrderBy(s => s.Key.Deployment, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Variant, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Succeeded)
            .ToList();

        writer.CountedLatency(
            ("cairn_shadow_requests_total", "Shadow scorings (a copy of a request scored by a shadow variant, never returned) by outcome."),
            ("cairn_shadow_duration_seconds", "Shadow scoring time in seconds, off the request path."),
            [.. series.Select(s => (Labels(s.Key), s.Snapshot))]);
    }

    private void WriteModelLoads(PrometheusTextWriter writer, int? loadedModels)
    {
        var loads = _loads
            .Select(p => (p.Key, LastSeconds: p.Value.LastSeconds, p.Value.Count))
            .OrderBy(s => s.Key.Model, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Version)
            .ToList();

        writer.Family("cairn_model_load_seconds", "gauge", "Time of the last load of a model version in seconds (download, load and warm-up).");
        foreach (var (key, seconds, _) in loads)
        {
            writer.Sample("cairn_model_load_seconds", Labels(key), seconds);
        }

        writer.Family("cairn_model_loads_total", "counter", "Loads of a model version in this process.");
        foreach (var (key, _, count) in loads)
        {
            writer.Sample("cairn_model_loads_total", Labels(key), count);
        }

        if (loadedModels is { } loaded)
        {
            writer.Family("cairn_loaded_models", "gauge", "Model versions loaded in this process (one copy each, however many deployments use them).");
            writer.Sample("cairn_loaded_models", loaded);
        }
    }

    private static void WritePredictionLog(PrometheusTextWriter writer, PredictionLogStats stats)
    {
        writer.Family("cairn_prediction_log_queue_depth", "gauge", "Prediction records buffered, not yet written.")
            .Sample("cairn_prediction_log_queue_depth", stats.QueueDepth);
        writer.Family("cairn_prediction_log_written_total", "counter", "Prediction records written to the log.")
            .Sample("cairn_prediction_log_written_total", stats.Written);
        writer.Family("cairn_prediction_log_dropped_total", "counter", "Prediction records dropped because the buffer was full.")
            .Sample("cairn_prediction_log_dropped_total", stats.Dropped);
        writer.Family("cairn_prediction_log_not_sampled_total", "counter", "Prediction records skipped by the sampling rate.")
            .Sample("cairn_prediction_log_not_sampled_total", stats.NotSampled);
    }

    private static (string, string)[] Labels(RequestKey key) =>
        [("deployment", key.Deployment), ("variant", key.Variant), ("protocol", key.Protocol), ("code", key.Code.ToString(CultureInfo.InvariantCulture))];

    private static (string, string)[] Labels(ShadowKey key) =>
        [("deployment", key.Deployment), ("variant", key.Variant), ("outcome", key.Succeeded ? "success" : "failure")];

    private static (string, string)[] Labels(ModelKey key) =>
        [("model", key.Model), ("version", key.Version.ToString(CultureInfo.InvariantCulture))];
}
