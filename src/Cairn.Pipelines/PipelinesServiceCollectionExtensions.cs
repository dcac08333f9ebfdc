using Cairn.Pipelines.Engine;
using Cairn.Pipelines.Hangfire;
using Cairn.Pipelines.Spec;
using Cairn.Pipelines.Steps;
using Cairn.Pipelines.Tracking;
using Cairn.Tracking;
using Cairn.Pipelines.Steps.Ml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Pipelines;

/// <summary>Which dispatcher runs step attempts.</summary>
public enum PipelineDispatch
{
    /// <summary>Hangfire with in-memory storage (the embedded default).</summary>
    Hangfire,

    /// <summary>Plain tasks on this process's thread pool (tests, tools).</summary>
    InProcess,
}

public static class PipelinesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline engine, the generic steps (<c>noop</c>, <c>exec</c>) and the data and model steps. Other assemblies add
    /// step kinds with <c>services.AddSingleton&lt;IStep, MyStep&gt;()</c>. Needs an <c>IPipelineStore</c>,
    /// an <c>ITrackingStore</c> (every run is also a tracked run), an <c>IArtifactStore</c> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddCairnPipelines(this IServiceCollection services, PipelineEngineOptions options, PipelineDispatch dispatch = PipelineDispatch.Hangfire)
    {
        services.AddSingleton(options);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, NoopStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, ExecStep>());
        // The data and model steps find the dataset service, registry and stores when they run (see MlServices).
        services.TryAddSingleton<MlServices>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, DataImportStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, DataValidateStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, DataSplitStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, MlnetTrainStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, ModelEvaluateStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, ModelRegisterStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStep, Steps.Deploy.DeployRolloutStep>());
        services.AddSingleton<StepCatalog>();
        services.AddSingleton<PipelineCompiler>();
        services.AddSingleton<PipelineDefinitions>();
        services.AddSingleton<RunCancellations>();
        services.AddSingleton<OutputPublisher>();
        services.TryAddSingleton<TrackingService>();
        services.AddSingleton<PipelineRunTracker>();
        services.AddSingleton<PipelineCoordinator>();
        services.AddSingleton<StepExecutor>();
        services.AddSingleton<PipelineReconciler>();
        services.AddSingleton<PipelineService>();
        if (dispatch == PipelineDispatch.Hangfire)
        {
            services.AddSingleton<HangfireWorkerHost>();
            services.AddSingleton<PipelineStepJob>();
            services.AddSingleton<IStepDispatcher, HangfireStepDispatcher>();
        }
        else
        {
            // The executor depends on the coordinator which depends on the dispatcher: resolve the executor lazily.
            services.AddSingleton(sp => new InProcessStepDispatcher(sp.GetRequiredService<StepExecutor>, options, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IStepDispatcher>(sp => sp.GetRequiredService<InProcessStepDispatcher>());
        }

        return services;
    }

    /// <summary>Starts the workers (Hangfire server) and resumes unfinished runs. Call once the store is migrated.</summary>
    public static async Task StartPipelineWorkersAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        services.GetService<HangfireWorkerHost>()?.Start();
        await services.GetRequiredService<PipelineReconciler>().ReconcileAsync(cancellationToken);
    }
}
