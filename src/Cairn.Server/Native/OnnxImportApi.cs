using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Registry;
using Cairn.Training;
using Cairn.Training.Onnx;

namespace Cairn.Server.Native;

/// <summary>
/// <c>POST /api/v1/models/{name}/versions/import-onnx</c>: registers an ONNX graph trained elsewhere
/// (e.g. in Python) as a model version with flavor onnx. The body is the raw .onnx file; options are query parameters.
/// </summary>
public static class OnnxImportApi
{
    /// <summary>The largest accepted graph; the body is streamed to a temp file and cut off beyond it.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    public static WebApplication MapOnnxImportApi(this WebApplication app)
    {
        app.MapPost("/api/v1/models/{name}/versions/import-onnx", ImportAsync);
        return app;
    }

    private static async Task<IResult> ImportAsync(string name, HttpRequest request, RegistryService registry, IArtifactStore artifacts, CancellationToken ct)
    {
        var options = Options(request.Query);
        var bytes = await ReadBodyAsync(request, ct);
        if (bytes is null)
        {
            return Results.Json(new JsonObject { ["error_code"] = "REQUEST_LIMIT_EXCEEDED", ["message"] = $"body: the ONNX graph exceeds {MaxBytes} bytes." }, statusCode: 413);
        }

        if (bytes.Length == 0)
        {
            throw CairnException.InvalidParameter("body: empty; send the raw .onnx file as application/octet-stream.");
        }

        Training.Bundles.ModelBundle bundle;
        try
        {
            bundle = OnnxModels.Import(bytes, options);
        }
        catch (CairnException e)
        {
            // Import errors are about the graph or the options read against it.
            throw CairnException.InvalidParameter("body: " + e.Message);
        }
        catch (Exception e) when (e is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            throw CairnException.InvalidParameter($"body: not a readable ONNX graph ({e.Message}).");
        }

        var probabilities = bundle.Manifest.OnnxOutputs?.Probabilities is { } p ? bundle.Manifest.Outputs.FirstOrDefault(o => o.Name == p) : null;
        if (options.ClassLabels is { } labels && probabilities?.Shape is { Count: > 0 } shape && shape[^1] > 0 && shape[^1] != labels.Count)
        {
            throw CairnException.InvalidParameter($"class_labels: {labels.Count} labels, but ONNX output '{probabilities.Name}' holds {shape[^1]} probabilities.");
        }

        // Everything is validated before anything is written: a failed import registers nothing.
        var path = $"registry/{name}/onnx/{Guid.NewGuid():N}/model.zip";
        using (var zip = new MemoryStream())
        {
            await bundle.SaveAsync(zip, ct);
            zip.Position = 0;
            await artifacts.PutAsync(path, zip, ct);
        }

        try
        {
            await registry.CreateRegisteredModelAsync(name, null, null, ct);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceAlreadyExists)
        {
            // A new version of an existing model.
        }

        var version = await registry.CreateModelVersionAsync(new NewModelVersion
        {
            Name = name,
            Source = "mlflow-artifacts:/" + path,
            Description = request.Query["description"].FirstOrDefault(),
            Tags = [new("cairn.flavor", "onnx"), new("cairn.trainer", bundle.Manifest.Trainer)],
        }, ct);
        var body = new JsonObject
        {
            ["name"] = name,
            ["version"] = version.Version.ToString(CultureInfo.InvariantCulture),
            ["source"] = version.Source,
            ["flavor"] = "onnx",
            ["task"] = JsonValue.Create(bundle.Manifest.Task switch { ModelTask.BinaryClassification => "binary", ModelTask.MulticlassClassification => "multiclass", _ => "regression" }),
            ["inputs"] = new JsonArray([.. bundle.Manifest.Inputs.Select(i => (JsonNode)new JsonObject { ["name"] = i.Name, ["type"] = i.Type })]),
            ["outputs"] = new JsonArray([.. bundle.Manifest.Outputs.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = o.Type })]),
        };
        return Results.Content(body.ToJsonString(), "application/json", statusCode: 201);
    }

    private static OnnxImportOptions Options(IQueryCollection query)
    {
        ModelTask? task = query["task"].FirstOrDefault() switch
        {
            null or "" => null,
            "binary" => ModelTask.BinaryClassification,
            "multiclass" => ModelTask.MulticlassClassification,
            "regression" => ModelTask.Regression,
            var other => throw CairnException.InvalidParameter($"task: '{other}' is not one of binary, multiclass, regression."),
        };
        var labels = query["class_labels"].FirstOrDefault() is { Length: > 0 } text
            ? text.Split(',', StringSplitOptions.TrimEntries)
            : null;
        if (labels is not null && (labels.Length < 2 || labels.Any(l => l.Length == 0) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length))
        {
            throw CairnException.InvalidParameter("class_labels: needs at least two distinct, non-empty comma-separated labels.");
        }

        if (labels is not null && task == ModelTask.BinaryClassification && labels.Length != 2)
        {
            throw CairnException.InvalidParameter($"class_labels: a binary model has exactly 2 labels, got {labels.Length}.");
        }

        return new OnnxImportOptions
        {
            Task = task,
            ClassLabels = labels,
            Label = Value(query, "label"),
            LabelOutput = Value(query, "label_output"),
            ScoreOutput = Value(query, "score_output"),
            ProbabilitiesOutput = Value(query, "probabilities_output"),
        };
    }

    private static string? Value(IQueryCollection query, string key) => query[key].FirstOrDefault() is { Length: > 0 } v ? v : null;

    /// <summary>Streams the body to a temp file (a graph can be large) and returns its bytes, or null when over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > MaxBytes)
                    {
                        return null;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            return await File.ReadAllBytesAsync(temp, ct);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
