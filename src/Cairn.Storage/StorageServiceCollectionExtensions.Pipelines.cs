using Cairn.Core.Pipelines;
using Cairn.Storage.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Storage;

public static partial class StorageServiceCollectionExtensions
{
    static partial void AddPipelineStore(IServiceCollection services)
    {
        services.AddSingleton<IPipelineStore, EfPipelineStore>();
        services.AddSingleton<IAppliedPipelineStore, EfAppliedPipelineStore>();
    }
}
