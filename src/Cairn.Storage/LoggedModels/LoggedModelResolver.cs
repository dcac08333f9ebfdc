using Cairn.Core.Errors;
using Cairn.Core.LoggedModels;
using Cairn.Core.Registry;

namespace Cairn.Storage.LoggedModels;

/// <summary>Lets the registry resolve <c>models:/m-...</c> sources through the logged-model store.</summary>
internal sealed class LoggedModelResolver(ILoggedModelStore store) : ILoggedModelResolver
{
    public async Task<LoggedModelReference?> FindAsync(string modelId, CancellationToken cancellationToken)
    {
        try
        {
            var model = await store.GetAsync(modelId, cancellationToken);
            return new LoggedModelReference(model.ModelId, model.ExperimentId, model.SourceRunId, model.ArtifactUri);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }
}
