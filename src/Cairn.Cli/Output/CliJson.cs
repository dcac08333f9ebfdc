using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Contracts.Mlflow;

namespace Cairn.Cli.Output;

/// <summary><c>--json</c> output: the API's own objects, as the server sends them (snake_case), indented.</summary>
public static class CliJson
{
    private static readonly JsonSerializerOptions Mlflow = new(MlflowJsonContext.Default.Options) { WriteIndented = true };

    private static readonly JsonSerializerOptions Cli = new(CliJsonContext.Default.Options) { WriteIndented = true };

    public static void Write<T>(TextWriter writer, T value)
    {
        var options = MlflowJsonContext.Default.GetTypeInfo(typeof(T)) is not null ? Mlflow : Cli;
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteLine(JsonSerializer.Serialize(value, info));
    }
}
