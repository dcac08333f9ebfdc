using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Cairn.Client;

/// <summary>A model version registered from an ONNX graph: its number, artifact source and inferred task.</summary>
public sealed record ImportedOnnxModel(string Name, string Version, string Source, string Task, string Json);

public sealed partial class CairnClient
{
    /// <summary>
    /// Registers an ONNX graph trained elsewhere (e.g. scikit-learn via skl2onnx) as a new version of
    /// <paramref name="modelName"/> (created when missing), with flavor onnx and the signature read from the graph.
    /// </summary>
    /// <param name="modelName">The registered model's name.</param>
    /// <param name="onnx">The .onnx file's bytes.</param>
    /// <param name="task">binary, multiclass or regression; inferred from the outputs when null.</param>
    /// <param name="classLabels">The class labels in the order of the probability output.</param>
    /// <param name="description">The version's description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException">INVALID_PARAMETER_VALUE naming the field when the graph or an option is bad.</exception>
    public async Task<ImportedOnnxModel> ImportOnnxModelAsync(
        string modelName, byte[] onnx, string? task = null, IReadOnlyList<string>? classLabels = null, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        var query = new List<string>();
        Add(query, "task", task);
        Add(query, "class_labels", classLabels is null ? null : string.Join(",", classLabels));
        Add(query, "description", description);
        var uri = Resolve($"api/v1/models/{Uri.EscapeDataString(modelName)}/versions/import-onnx" + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(onnx) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } } },
            HttpCompletionOption.ResponseContentRead,
            canRetry: false, // Not idempotent: a retry would register a second version.
            cancellationToken);
        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = JsonNode.Parse(json)!;
        return new ImportedOnnxModel((string?)body["name"] ?? modelName, (string?)body["version"] ?? "", (string?)body["source"] ?? "", (string?)body["task"] ?? "", json);
    }

    private static void Add(List<string> query, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(key + "=" + Uri.EscapeDataString(value));
        }
    }
}
