using Cairn.Core.Monitoring;
using Cairn.Storage.Rollouts;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Storage;

public static partial class StorageServiceCollectionExtensions
{
    static partial void AddRolloutStore(IServiceCollection services) => services.AddSingleton<IRolloutStore, EfRolloutStore>();
}
