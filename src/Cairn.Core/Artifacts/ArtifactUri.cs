using Cairn.Core.Errors;

namespace Cairn.Core.Artifacts;

/// <summary>
/// The <c>mlflow-artifacts:/</c> URIs handed to clients and the artifact-store paths behind them. The
/// netloc stays empty (one slash) so the MLflow client resolves them against its tracking URI and uploads
/// through our proxy; <c>mlflow-artifacts:/1/abc/artifacts</c> is store path <c>1/abc/artifacts</c>.
/// Tracking, registry and logged models all build their URIs here so the layout lives in one place.
/// </summary>
public static class ArtifactUri
{
    public const string Scheme = "mlflow-artifacts";

    private const string Prefix = Scheme + ":";

    /// <summary>An experiment's artifact location: <c>mlflow-artifacts:/&lt;exp&gt;</c>.</summary>
    public static string ForExperiment(string experimentId) => FromStorePath(ExperimentPath(experimentId));

    /// <summary>A run's artifact root: <c>mlflow-artifacts:/&lt;exp&gt;/&lt;run&gt;/artifacts</c>.</summary>
    public static string ForRun(string experimentId, string runId) => FromStorePath(RunPath(experimentId, runId));

    /// <summary>A logged model's artifact root: <c>mlflow-artifacts:/&lt;exp&gt;/models/&lt;model_id&gt;/artifacts</c>.</summary>
    public static string ForLoggedModel(string experimentId, string modelId) => FromStorePath(LoggedModelPath(experimentId, modelId));

    public static string ExperimentPath(string experimentId) => ArtifactPath.Normalize(experimentId, "experiment_id");

    public static string RunPath(string experimentId, string runId) =>
        ArtifactPath.Combine(ExperimentPath(experimentId), ArtifactPath.Normalize(runId, "run_id"), "artifacts");

    public static string LoggedModelPath(string experimentId, string modelId) =>
        ArtifactPath.Combine(ExperimentPath(experimentId), "models", ArtifactPath.Normalize(modelId, "model_id"), "artifacts");

    /// <summary>The URI of a store path (validated first).</summary>
    public static string FromStorePath(string storePath) => Prefix + "/" + ArtifactPath.Normalize(storePath);

    /// <summary>Appends a relative artifact path to a URI: <c>Append("mlflow-artifacts:/1/r/artifacts", "model")</c>.</summary>
    public static string Append(string uri, string relativePath)
    {
        var relative = ArtifactPath.Normalize(relativePath);
        return relative.Length == 0 ? uri : uri.TrimEnd('/') + "/" + relative;
    }

    /// <summary>True when the URI is served by our proxy (<c>mlflow-artifacts:</c> scheme).</summary>
    public static bool IsProxied(string? uri) =>
        uri is not null && uri.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The store path of a <c>mlflow-artifacts:</c> URI, or null for any other scheme. A netloc
    /// (<c>mlflow-artifacts://host:port/...</c>) is ignored: it names this server. Traversal throws
    /// INVALID_PARAMETER_VALUE, as everywhere else.
    /// </summary>
    public static string? TryGetStorePath(string? uri, string field = "artifact_uri")
    {
        if (!IsProxied(uri))
        {
            return null;
        }

        var rest = uri!.AsSpan(Prefix.Length);
        if (rest.StartsWith("//"))
        {
            rest = rest[2..];
            var slash = rest.IndexOf('/');
            rest = slash < 0 ? [] : rest[slash..];
        }

        var path = rest.ToString();
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            path = path[..query];
        }

        return ArtifactPath.Normalize(Uri.UnescapeDataString(path).TrimStart('/'), field);
    }

    /// <summary>The store path of a <c>mlflow-artifacts:</c> URI; other schemes are INVALID_PARAMETER_VALUE.</summary>
    public static string ToStorePath(string uri, string field = "artifact_uri") =>
        TryGetStorePath(uri, field)
        ?? throw CairnException.InvalidParameter(
            $"Invalid value '{uri}' for parameter '{field}': only '{Scheme}:/' URIs are served by this server.");
}
