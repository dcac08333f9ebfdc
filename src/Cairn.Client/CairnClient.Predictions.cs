using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Cairn.Client.Internal;
using Cairn.Client.Predictions;

namespace Cairn.Client;

public sealed partial class CairnClient
{

    /// <summary>
    /// Predicts with a deployment (<c>POST /api/v1/deployments/{name}/predict</c>): one prediction per record,
    /// in order. Values may be strings, numbers, booleans, <see cref="DateTime"/>/<see cref="DateTimeOffset"/>,
    /// <see cref="JsonElement"/> or null (missing).
    /// </summary>
    /// <param name="deployment">The deployment name.</param>
    /// <param name="records">Feature name to value, one dictionary per row.</param>
    /// <param name="options">top_k, min_confidence, request id and extra headers; may be null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<PredictResponse> PredictAsync(string deployment, IEnumerable<IReadOnlyDictionary<string, object?>> records,
        PredictOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return PredictRawAsync(deployment, json =>
        {
            json.WriteStartArray();
            foreach (var record in records)
            {
                json.WriteStartObject();
                foreach (var (name, value) in record)
                {
                    json.WritePropertyName(name);
                    WriteValue(json, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }, options, cancellationToken);
    }

    /// <summary>Predicts with a deployment from records already in JSON: an array of objects (or one object).</summary>
    public Task<PredictResponse> PredictAsync(string deployment, JsonElement records, PredictOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (records.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            throw new ArgumentException("Records must be a JSON object or an array of objects.", nameof(records));
        }

        return PredictRawAsync(deployment, json =>
        {
            if (records.ValueKind == JsonValueKind.Object)
            {
                json.WriteStartArray();
                records.WriteTo(json);
                json.WriteEndArray();
            }
            else
            {
                records.WriteTo(json);
            }
        }, options, cancellationToken);
    }

    /// <summary>
    /// Attaches ground truth or a business outcome to an earlier prediction
    /// (<c>POST /api/v1/deployments/{name}/feedback</c>), joined on its request id.
    /// </summary>
    public async Task SendFeedbackAsync(string deployment, FeedbackRequest feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await SendNativeAsync(HttpMethod.Post, DeploymentRoute(deployment, "/feedback"), feedback,
            PredictionsJsonContext.Default.FeedbackRequest, PredictionsJsonContext.Default.JsonElement, canRetry: true, cancellationToken);
    }

    /// <summary>The variants of a deployment (<c>GET /api/v1/deployments/{name}</c>), each a pinned model version.</summary>
    public async Task<IReadOnlyList<ServingVariant>> GetServingVariantsAsync(string deployment, CancellationToken cancellationToken = default)
    {
        var body = await GetNativeAsync(DeploymentRoute(deployment), PredictionsJsonContext.Default.JsonElement, cancellationToken);

        // The deployment may come bare or wrapped as {"deployment": {...}}.
        var root = body.TryGetProperty("deployment", out var wrapped) ? wrapped : body;
        return root.Deserialize(PredictionsJsonContext.Default.ServingDeployment)?.Variants ?? [];
    }

    /// <summary>The names of the inputs a deployment's model takes (its Open Inference Protocol metadata, <c>GET /v2/models/{name}</c>).</summary>
    public async Task<IReadOnlyList<string>> GetDeploymentInputNamesAsync(string deployment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deployment);
        var metadata = await GetNativeAsync("v2/models/" + Uri.EscapeDataString(deployment), PredictionsJsonContext.Default.JsonElement, cancellationToken);
        return metadata.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array
            ? [.. inputs.EnumerateArray().Select(i => i.GetProperty("name").GetString()!)]
            : [];
    }

    /// <summary>
    /// Downloads a model version's bundle (the zip its <c>source</c> points at through the artifact proxy) into
    /// <paramref name="destination"/>; load it with <c>ModelBundle.LoadAsync</c>.
    /// </summary>
    public async Task DownloadModelBundleAsync(string model, long version, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var modelVersion = await GetModelVersionAsync(model, version.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var source = modelVersion.Source
            ?? throw new CairnApiException(System.Net.HttpStatusCode.Conflict, "INVALID_STATE", $"Model '{model}' version {version} has no source.");
        await DownloadAtAsync(ArtifactUris.ToProxyPath(source), destination, cancellationToken);
    }

    private async Task<PredictResponse> PredictRawAsync(string deployment, Action<Utf8JsonWriter> writeRecords, PredictOptions? options, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("records");
            writeRecords(json);
            if (options?.TopK is { } topK)
            {
                json.WriteNumber("top_k", topK);
            }

            if (options?.MinConfidence is { } minConfidence)
            {
                json.WriteNumber("min_confidence", minConfidence);
            }

            json.WriteEndObject();
        }

        var bytes = buffer.WrittenMemory.ToArray();
        var uri = Resolve(DeploymentRoute(deployment, "/predict"));
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };
            if (options?.RequestId is { Length: > 0 } requestId)
            {
                request.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
            }

            foreach (var (name, value) in options?.Headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return request;
        }, HttpCompletionOption.ResponseContentRead, canRetry: true, cancellationToken);
        return await ReadAsync(response, PredictionsJsonContext.Default.PredictResponse, cancellationToken);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double: json.WriteNullValue(); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case float: json.WriteNullValue(); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case decimal m: json.WriteNumberValue(m); break;
            case DateTime t: json.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: json.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture)); break;
            case JsonElement e: e.WriteTo(json); break;
            case IConvertible c: json.WriteStringValue(c.ToString(CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
