using Cairn.Core.Monitoring;
using Cairn.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Storage;

public static partial class StorageServiceCollectionExtensions
{
    static partial void AddMonitoringStores(IServiceCollection services)
    {
        services.AddSingleton<IMonitorStore, EfMonitorStore>();
        services.AddSingleton<IMonitorConfigStore, EfMonitorConfigStore>();
    }
}
