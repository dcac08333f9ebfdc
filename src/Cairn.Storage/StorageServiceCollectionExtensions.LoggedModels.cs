using Cairn.Core.LoggedModels;
using Cairn.Core.Registry;
using Cairn.Storage.LoggedModels;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Storage;

public static partial class StorageServiceCollectionExtensions
{
    static partial void AddLoggedModelStore(IServiceCollection services)
    {
        services.AddSingleton<ILoggedModelStore, EfLoggedModelStore>();
        services.AddSingleton<ILoggedModelResolver, LoggedModelResolver>();
    }
}
