using Microsoft.Extensions.Options;

namespace Cairn.Serving.PredictionLog;

/// <summary>Rejects prediction log options that would lose records or never flush, naming the key and the rule.</summary>
public sealed class PredictionLogOptionsValidator : IValidateOptions<PredictionLogOptions>
{
    public ValidateOptionsResult Validate(string? name, PredictionLogOptions options)
    {
        var failures = new List<string>();
        CheckRate(failures, "SampleRate", options.SampleRate);
        foreach (var (deployment, overrides) in options.Deployments)
        {
            if (overrides.SampleRate is { } rate)
            {
                CheckRate(failures, $"Deployments:{deployment}:SampleRate", rate);
            }
        }

        if (options.Capacity < 1)
        {
            failures.Add($"{PredictionLogOptions.Section}:Capacity must be at least 1 (got {options.Capacity}).");
        }

        if (options.BatchSize < 1)
        {
            failures.Add($"{PredictionLogOptions.Section}:BatchSize must be at least 1 (got {options.BatchSize}).");
        }

        if (options.FlushInterval <= TimeSpan.Zero)
        {
            failures.Add($"{PredictionLogOptions.Section}:FlushInterval must be positive (got {options.FlushInterval}).");
        }

        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{PredictionLogOptions.Section}:Directory must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRate(List<string> failures, string key, double rate)
    {
        if (!(rate is >= 0 and <= 1))
        {
            failures.Add($"{PredictionLogOptions.Section}:{key} must be between 0 and 1 (got {rate}).");
        }
    }
}
