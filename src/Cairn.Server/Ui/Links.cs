namespace Cairn.Server.Ui;

/// <summary>
/// Every URL of the web UI, built in one place so that the pages link to each other consistently and
/// the lineage (deployment → model version → run → pipeline run → dataset version, and back) is walkable.
/// </summary>
public static class Links
{
    public const string Experiments = "/experiments";
    public const string Models = "/models";
    public const string Datasets = "/datasets";
    public const string Pipelines = "/pipelines";
    public const string Deployments = "/deployments";
    public const string Monitoring = "/monitoring";

    public static string Experiment(string experimentId) => $"/experiments/{Segment(experimentId)}";

    public static string Run(string runId) => $"/runs/{Segment(runId)}";

    public static string Compare(IEnumerable<string> runIds) => $"/compare?runs={string.Join(',', runIds.Select(Uri.EscapeDataString))}";

    /// <summary>An artifact of a run, served for download by the MLflow artifacts API.</summary>
    public static string ArtifactDownload(string runId, string path) =>
        $"/get-artifact?run_id={Uri.EscapeDataString(runId)}&path={Uri.EscapeDataString(path)}";

    public static string Model(string name) => $"/models/{Segment(name)}";

    public static string ModelVersion(string name, string version) => $"/models/{Segment(name)}/versions/{Segment(version)}";

    public static string Dataset(string name) => $"/datasets/{Segment(name)}";

    public static string DatasetVersion(string name, string version) => $"/datasets/{Segment(name)}/versions/{Segment(version)}";

    /// <summary>A dataset version's file, served for download by the datasets API.</summary>
    public static string DatasetDownload(string name, string version) => $"/api/v1/datasets/{Segment(name)}/versions/{Segment(version)}/data";

    public static string Pipeline(string name) => $"/pipelines/{Segment(name)}";

    public static string PipelineRun(string runId) => $"/pipelines/runs/{Segment(runId)}";

    /// <summary>A step's section (inputs, outputs, log) on its pipeline run's page.</summary>
    public static string PipelineRunStep(string runId, string stepId) => $"{PipelineRun(runId)}#{PipelineStepAnchor(stepId)}";

    /// <summary>The element id of a step's section on the pipeline run page.</summary>
    public static string PipelineStepAnchor(string stepId) => "step-" + Segment(stepId);

    public static string Deployment(string name) => $"/deployments/{Segment(name)}";

    public static string MonitorReport(long reportId) => $"/monitoring/reports/{reportId}";

    /// <summary>A file of the artifact store (e.g. a model version's bundle), served for download by the MLflow artifacts proxy.</summary>
    public static string StoredArtifact(string storePath) =>
        "/api/2.0/mlflow-artifacts/artifacts/" + string.Join('/', storePath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The compare page with the metric its parallel coordinates show, and whether the diff table shows only differing rows.</summary>
    public static string Compare(IEnumerable<string> runIds, string? metric, bool onlyDifferences) =>
        Compare(runIds) + (metric is null ? "" : "&metric=" + Uri.EscapeDataString(metric)) + (onlyDifferences ? "&diff=1" : "");

    /// <summary>A further page of the datasets list.</summary>
    public static string DatasetsPage(string pageToken) => $"{Datasets}?page_token={Uri.EscapeDataString(pageToken)}";

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
