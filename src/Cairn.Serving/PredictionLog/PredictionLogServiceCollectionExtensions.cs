using Cairn.Core.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cairn.Serving.PredictionLog;

/// <summary>Registers the prediction log: the buffered <see cref="IPredictionLog"/>, its background writer and the reader.</summary>
public static class PredictionLogServiceCollectionExtensions
{
    /// <summary>
    /// Adds the prediction log. Binding the <c>Cairn:PredictionLog</c> section is the host's job (this
    /// project has no configuration binder); <paramref name="configure"/> sets defaults such as the directory.
    /// </summary>
    public static IServiceCollection AddPredictionLog(this IServiceCollection services, Action<PredictionLogOptions>? configure = null)
    {
        var options = services.AddOptions<PredictionLogOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PredictionLogOptions>, PredictionLogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PredictionLog>();
        services.TryAddSingleton<IPredictionLog>(sp => sp.GetRequiredService<PredictionLog>());
        services.TryAddSingleton(sp => new PredictionLogReader(sp.GetRequiredService<IOptions<PredictionLogOptions>>().Value.Directory));
        services.AddHostedService<PredictionLogWriter>();
        return services;
    }
}
