using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Deployments;

namespace Cairn.Cli.Commands;

/// <summary>Tables, JSON and the <c>--variant</c> syntax of <c>cairn deploy</c>.</summary>
internal static class DeployOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new(DeploymentsJsonContext.Default.Options) { WriteIndented = true };

    public static void Json<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T))));

    public static string Describe(DeploymentVariantDto v) =>
        $"{v.Name}={v.Model}/{v.Version}{(v.Alias is null ? "" : $" (@{v.Alias})")}:{(v.Mode == "shadow" ? "shadow" : v.Weight?.ToString(CultureInfo.InvariantCulture))}";

    public static Table List(IEnumerable<DeploymentDto> deployments)
    {
        var table = new Table("NAME", "STATUS", "REVISION", "VARIANTS", "UPDATED").AlignRight(2);
        foreach (var d in deployments)
        {
            table.AddRow(d.Name, d.Status, d.Revision.ToString(CultureInfo.InvariantCulture), string.Join(", ", d.Variants.Select(Describe)), Formats.Time(d.LastUpdatedTimestamp));
        }

        return table;
    }

    public static void Show(TextWriter output, DeploymentDto d)
    {
        new Table("FIELD", "VALUE") { ShowHeader = false, MaxCellWidth = 200 }
            .AddRow("Name", d.Name)
            .AddRow("Status", d.Status)
            .AddRow("Revision", d.Revision.ToString(CultureInfo.InvariantCulture))
            .AddRow("Sticky key", d.StickyKey ?? "(none: random by weight)")
            .AddRow("Description", d.Description ?? "")
            .AddRow("Created", Formats.Time(d.CreationTimestamp))
            .AddRow("Updated", Formats.Time(d.LastUpdatedTimestamp))
            .Write(output);
        output.WriteLine();
        var variants = new Table("VARIANT", "MODEL", "VERSION", "ALIAS", "MODE", "WEIGHT").AlignRight(2).AlignRight(5);
        foreach (var v in d.Variants)
        {
            variants.AddRow(v.Name, v.Model, v.Version?.ToString(CultureInfo.InvariantCulture), v.Alias ?? "", v.Mode, v.Weight?.ToString(CultureInfo.InvariantCulture));
        }

        variants.Write(output);
    }

    public static Table History(IEnumerable<DeploymentEventDto> events)
    {
        var table = new Table("SEQ", "TIME", "ACTOR", "ACTION", "VARIANTS", "REASON").AlignRight(0);
        foreach (var e in events)
        {
            table.AddRow(e.Sequence.ToString(CultureInfo.InvariantCulture), Formats.Time(e.Timestamp), e.Actor, e.Action, string.Join(", ", e.Variants.Select(Describe)), e.Reason ?? "");
        }

        return table;
    }

    /// <summary>
    /// <c>NAME=MODEL/VERSION</c> or <c>NAME=MODEL@ALIAS</c>, then optionally <c>:WEIGHT</c> and/or <c>:shadow</c>
    /// (e.g. <c>champion=weather@champion:90</c>, <c>challenger=weather/4:10</c>, <c>mirror=weather/5:shadow</c>).
    /// </summary>
    public static DeploymentVariantDto ParseVariant(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw Bad(text, "it must start with NAME=");
        }

        var parts = text[(equals + 1)..].Split(':');
        int? weight = null;
        var mode = "live";
        foreach (var option in parts.Skip(1))
        {
            if (option == "shadow")
            {
                mode = "shadow";
            }
            else if (int.TryParse(option, NumberStyles.None, CultureInfo.InvariantCulture, out var w))
            {
                weight = w;
            }
            else
            {
                throw Bad(text, $"'{option}' is neither a weight (0-100) nor 'shadow'");
            }
        }

        var target = parts[0];
        var at = target.LastIndexOf('@');
        var slash = target.LastIndexOf('/');
        if (at > 0 && at > slash)
        {
            return new DeploymentVariantDto(text[..equals], target[..at], Alias: target[(at + 1)..], Weight: weight, Mode: mode);
        }

        return slash > 0 && long.TryParse(target[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new DeploymentVariantDto(text[..equals], target[..slash], version, Weight: weight, Mode: mode)
            : throw Bad(text, "the model must be MODEL/VERSION or MODEL@ALIAS");
    }

    /// <summary><c>VARIANT=WEIGHT</c>.</summary>
    public static KeyValuePair<string, int> ParseWeight(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && int.TryParse(text[(equals + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var weight)
            ? new(text[..equals], weight)
            : throw new CliUsageException($"invalid weight '{text}': expected VARIANT=WEIGHT, e.g. champion=90.");
    }

    private static CliUsageException Bad(string text, string rule) =>
        new($"invalid --variant '{text}': {rule} (expected NAME=MODEL/VERSION or NAME=MODEL@ALIAS, then optional :WEIGHT and :shadow).");
}
