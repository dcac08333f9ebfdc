using Cairn.Core.Registry;
using Cairn.Storage.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Storage;

public static partial class StorageServiceCollectionExtensions
{
    static partial void AddRegistryStore(IServiceCollection services) =>
        services.AddSingleton<IRegistryStore, EfRegistryStore>();
}
