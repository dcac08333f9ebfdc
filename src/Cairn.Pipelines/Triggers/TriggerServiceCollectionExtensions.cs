using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Pipelines.Triggers;

public static class TriggerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the trigger service and its hosted loop. Needs the pipeline engine (<c>AddCairnPipelines</c>)
    /// and an <c>IAppliedPipelineStore</c>; data triggers use an <c>IDatasetStore</c> and drift and
    /// performance triggers an <c>IMonitorStore</c> when the host has them.
    /// </summary>
    public static IServiceCollection AddCairnPipelineTriggers(this IServiceCollection services, TriggerOptions? options = null)
    {
        services.AddSingleton(options ?? new TriggerOptions());
        services.AddSingleton<TriggerService>();
        services.AddHostedService<TriggerLoop>();
        return services;
    }
}
