using Cairn.Core.Serving;
using Cairn.Storage.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Storage;

public static partial class StorageServiceCollectionExtensions
{
    static partial void AddServingStores(IServiceCollection services)
    {
        services.AddSingleton<IDeploymentStore, EfDeploymentStore>();
        services.AddSingleton<IFeedbackStore, EfFeedbackStore>();
    }
}
