using System.CommandLine;
using Cairn.Contracts.Native.Monitoring;

namespace Cairn.Cli.Commands.Monitor;

/// <summary><c>cairn monitor config</c> and <c>cairn monitor alert-rules</c>: show, or change what is given.</summary>
internal static partial class MonitorCommand
{
    private sealed class ConfigOptions
    {
        public Option<string?> Interval { get; } = new("--interval") { Description = "Run the monitor every period, e.g. 5m, 1h ('off' stops the schedule)." };

        public Option<long?> Last { get; } = new("--last") { Description = "Window: the last N predictions." };

        public Option<string?> Window { get; } = new("--window") { Description = "Window: the predictions of the last period, e.g. 1h." };

        public Option<string?> Variant { get; } = new("--variant") { Description = "Only this variant ('all' for every live variant)." };

        public Option<string?> Method { get; } = new("--method") { Description = "One drift test for every column: ks, chisquare, z, wasserstein, jensenshannon, psi ('default' for Evidently's choice)." };

        public Option<double?> Threshold { get; } = new("--threshold") { Description = "One threshold for every column (p-value or distance, by test)." };

        public Option<string?> NumericMethod { get; } = new("--numeric-method") { Description = "The test of numeric columns." };

        public Option<double?> NumericThreshold { get; } = new("--numeric-threshold") { Description = "The threshold of numeric columns." };

        public Option<string?> CategoricalMethod { get; } = new("--categorical-method") { Description = "The test of categorical columns." };

        public Option<double?> CategoricalThreshold { get; } = new("--categorical-threshold") { Description = "The threshold of categorical columns." };

        public Option<string[]> Column { get; } = new("--column")
        {
            Description = "Per-column override COLUMN:METHOD[:THRESHOLD] or COLUMN::THRESHOLD (repeatable); COLUMN:default removes it.",
            AllowMultipleArgumentsPerToken = false,
        };

        public Option<double?> DriftShare { get; } = new("--drift-share") { Description = "Dataset drift when this share (0-1] of columns drifts (default 0.5)." };

        public IEnumerable<Option> All => [Interval, Last, Window, Variant, Method, Threshold, NumericMethod, NumericThreshold, CategoricalMethod, CategoricalThreshold, Column, DriftShare];
    }

    private static Command ConfigCommand(CliContext context)
    {
        var deployment = DeploymentOption();
        var options = new ConfigOptions();
        var command = new Command("config", "Show a deployment's monitor config (schedule, window, drift tests), or change the settings given.") { deployment };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(deployment)!;
            using var client = Client(context, parse);
            var config = await client.GetMonitorConfigAsync(name, cancellationToken);
            var changed = Apply(config, parse, options);
            if (changed is not null)
            {
                config = await client.SetMonitorConfigAsync(name, changed, cancellationToken);
            }

            if (context.WantsJson(parse))
            {
                MonitorOutput.Json(context.Out, new MonitorConfigResponse(config));
            }
            else
            {
                if (changed is not null)
                {
                    await context.Out.WriteLineAsync($"Updated the monitor config of '{name}'.");
                }

                MonitorOutput.Config(context.Out, config);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command AlertRulesCommand(CliContext context)
    {
        var deployment = DeploymentOption();
        var set = new Option<string[]>("--set")
        {
            Description = "Replace the rules with these NAME:METRIC:OP:THRESHOLD (repeatable), e.g. low-acc:accuracy:<:0.8 or temp:feature_drift:temp_max:>=:0.1.",
            AllowMultipleArgumentsPerToken = false,
        };
        var clear = new Option<bool>("--clear") { Description = "Remove every rule." };
        var command = new Command("alert-rules", "Show a deployment's alert rules (and which are firing), or replace them.") { deployment, set, clear };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(set) ?? [];
            if (given.Length > 0 && parse.GetValue(clear))
            {
                throw new CliUsageException("give --set or --clear, not both.");
            }

            var name = parse.GetValue(deployment)!;
            using var client = Client(context, parse);
            IReadOnlyList<AlertRuleDto> rules;
            if (given.Length > 0 || parse.GetValue(clear))
            {
                rules = await client.SetAlertRulesAsync(name, given.Select(MonitorSettings.ParseRule), cancellationToken);
            }
            else
            {
                rules = await client.GetAlertRulesAsync(name, cancellationToken);
            }

            if (context.WantsJson(parse))
            {
                MonitorOutput.Json(context.Out, new AlertRulesDto([.. rules]));
            }
            else
            {
                MonitorOutput.Rules(rules).Write(context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The config with the given options applied (PUT replaces the whole config), or null when no option was given.</summary>
    private static MonitorConfigDto? Apply(MonitorConfigDto current, ParseResult parse, ConfigOptions options)
    {
        if (!options.All.Any(o => parse.GetResult(o) is { Implicit: false }))
        {
            return null;
        }

        var last = parse.GetValue(options.Last);
        var window = parse.GetValue(options.Window);
        if (last is not null && window is not null)
        {
            throw new CliUsageException("give --last or --window, not both.");
        }

        // Answers only (last/next run) are not sent back.
        var config = current with { LastRunAt = null, NextRunAt = null };
        if (parse.GetValue(options.Interval) is { } interval)
        {
            config = config with { IntervalSeconds = MonitorSettings.IsReset(interval, "off") ? null : MonitorOutput.ParseDuration(interval, "--interval") };
        }

        if (last is not null)
        {
            config = config with { Last = last, WindowSeconds = null };
        }

        if (window is not null)
        {
            config = config with { WindowSeconds = MonitorOutput.ParseDuration(window, "--window"), Last = null };
        }

        if (parse.GetValue(options.Variant) is { } variant)
        {
            config = config with { Variant = MonitorSettings.IsReset(variant, "all") ? null : variant };
        }

        var drift = config.Drift ?? new DriftOptionsDto();
        drift = drift with
        {
            Method = Method(parse.GetValue(options.Method), drift.Method),
            Threshold = parse.GetValue(options.Threshold) ?? drift.Threshold,
            NumericMethod = Method(parse.GetValue(options.NumericMethod), drift.NumericMethod),
            NumericThreshold = parse.GetValue(options.NumericThreshold) ?? drift.NumericThreshold,
            CategoricalMethod = Method(parse.GetValue(options.CategoricalMethod), drift.CategoricalMethod),
            CategoricalThreshold = parse.GetValue(options.CategoricalThreshold) ?? drift.CategoricalThreshold,
            DriftShare = parse.GetValue(options.DriftShare) ?? drift.DriftShare,
        };
        var perColumn = new Dictionary<string, ColumnDriftOverrideDto>(drift.PerColumn ?? [], StringComparer.Ordinal);
        foreach (var (column, value) in (parse.GetValue(options.Column) ?? []).Select(MonitorSettings.ParseColumn))
        {
            if (value is null)
            {
                perColumn.Remove(column);
            }
            else
            {
                perColumn[column] = value;
            }
        }

        drift = drift with { PerColumn = perColumn.Count > 0 ? perColumn : null };
        return config with { Drift = drift == new DriftOptionsDto() ? null : drift };
    }

    private static string? Method(string? given, string? current) => given is null ? current : MonitorSettings.IsReset(given, "default") ? null : given;
}
