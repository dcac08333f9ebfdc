using Cairn.Contracts.Native.Lineage;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    /// <summary>
    /// Where a registered model version came from: the pipeline run that registered it (params, status,
    /// tracked MLflow run), that run's step executions in plan order with their input and output artifacts,
    /// and the dataset versions the model was trained on.
    /// </summary>
    /// <param name="modelName">The registered model's name.</param>
    /// <param name="versionOrAlias">A version number (<c>"3"</c>) or an alias (<c>"champion"</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The lineage tree; for a version registered outside a pipeline, just the version and a note.</returns>
    /// <exception cref="CairnApiException">RESOURCE_DOES_NOT_EXIST when the model, version or alias does not exist.</exception>
    public Task<ModelLineageResponse> GetModelVersionLineageAsync(string modelName, string versionOrAlias, CancellationToken cancellationToken = default) =>
        GetNativeAsync(
            $"api/v1/lineage/models/{Uri.EscapeDataString(modelName)}/versions/{Uri.EscapeDataString(versionOrAlias)}",
            LineageJsonContext.Default.ModelLineageResponse,
            cancellationToken);
}
