using Cairn.Core.Errors;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>Turns a bad configuration or bad data (a <see cref="CairnException"/>) into a failed step with its plain message.</summary>
internal static class MlStepRunner
{
    public static async Task<StepResult> GuardAsync(Func<Task<StepResult>> run)
    {
        try
        {
            return await run();
        }
        catch (CairnException e)
        {
            return StepResult.Failure(e.Message);
        }
    }
}
