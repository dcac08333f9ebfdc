using Cairn.Core.Datasets;
using Cairn.Storage.Datasets;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Storage;

public static partial class StorageServiceCollectionExtensions
{
    static partial void AddDatasetStore(IServiceCollection services) =>
        services.AddSingleton<IDatasetStore, EfDatasetStore>();
}
