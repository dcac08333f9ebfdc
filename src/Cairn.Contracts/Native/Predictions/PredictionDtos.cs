using System.Text.Json.Nodes;

namespace Cairn.Contracts.Native.Predictions;

/// <summary>One logged prediction with its feedback, if any arrived (<c>GET /api/v1/deployments/{name}/predictions</c>).</summary>
public sealed record PredictionRecordDto(
    string RequestId,
    long Timestamp,
    string Variant,
    string Model,
    long Version,
    bool Shadow,
    JsonObject Inputs,
    string? Label,
    double Score,
    IReadOnlyList<double>? Probabilities,
    long LatencyUs,
    PredictionFeedbackDto? Feedback);

/// <summary>The latest feedback attached to a request id.</summary>
public sealed record PredictionFeedbackDto(long Timestamp, string? Actual, string? Outcome, double? Value);

/// <summary>Recent predictions, newest first.</summary>
public sealed record ListPredictionsResponse(IReadOnlyList<PredictionRecordDto> Predictions);
