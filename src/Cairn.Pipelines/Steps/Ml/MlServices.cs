using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Pipelines;
using Cairn.Data;
using Cairn.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// The services the data and model steps use, resolved when a step runs rather than when the catalog
/// is built, so a host without a dataset store or registry (the engine's own tests) can still run
/// <c>exec</c> pipelines; using such a step there fails with a clear reason.
/// </summary>
public sealed class MlServices(IServiceProvider services)
{
    public DatasetService Datasets => Get<DatasetService>("dataset service");

    public RegistryService Registry => Get<RegistryService>("model registry");

    public IPipelineStore Pipelines => Get<IPipelineStore>("pipeline store");

    public IArtifactStore Artifacts => Get<IArtifactStore>("artifact store");

    private T Get<T>(string what)
        where T : notnull =>
        services.GetService<T>() ?? throw new CairnException(ErrorCode.InvalidState, $"This server has no {what}, which the step needs.");
}
