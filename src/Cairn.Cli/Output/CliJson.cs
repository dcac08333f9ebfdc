using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Registry;

namespace Cairn.Cli.Output;

/// <summary><c>--json</c> output: the API's own objects, as the server sends them (snake_case), indented.</summary>
public static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(MlflowJsonContext.Default.Options)
    {
        WriteIndented = true,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(MlflowJsonContext.Default, MlflowJsonContext.Default, CliJsonContext.Default),
    };

    public static void Write<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))));
}
