using System.Text.Json;
using Cairn.Serving.Routing;
using Cairn.Server.Hosting;
using Cairn.Training;
using Cairn.Training.Bundles;

namespace Cairn.Server.Inference;

public static partial class OipApi
{
    private static void MapMetadata(WebApplication app, DeploymentRouter router)
    {
        app.MapGet("/v2/health/live", context => WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("live"u8, true);
            w.WriteEndObject();
        }));

        // Ready only when every deployment's models are loaded and warmed up; 503 otherwise, for probes.
        app.MapGet("/v2/health/ready", context => WriteAsync(context, router.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("ready"u8, router.IsReady);
            w.WriteEndObject();
        }));

        app.MapGet("/v2", context => WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("name"u8, "cairn");
            w.WriteString("version"u8, HealthApi.Version);
            w.WriteStartArray("extensions"u8);
            w.WriteEndArray();
            w.WriteEndObject();
        }));

        RequestDelegate metadata = context => ModelMetadataAsync(context, router);
        app.MapGet("/v2/models/{deployment}", metadata);
        app.MapGet("/v2/models/{deployment}/versions/{version}", metadata);
        RequestDelegate ready = context => ModelReadyAsync(context, router);
        app.MapGet("/v2/models/{deployment}/ready", ready);
        app.MapGet("/v2/models/{deployment}/versions/{version}/ready", ready);
    }

    private static Task ModelMetadataAsync(HttpContext context, DeploymentRouter router)
    {
        var failure = InferenceTarget.Resolve(router, context, out var route, out var pinned);
        if (route is null || (failure is { } f && f.Status != StatusCodes.Status503ServiceUnavailable))
        {
            return WriteErrorAsync(context, failure!.Value.Status, failure.Value.Message);
        }

        // Metadata describes the deployment even while it is paused.
        var target = pinned ?? route.Live.FirstOrDefault() ?? route.Shadows[0];
        var manifest = target.Model.Manifest;
        return WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("name"u8, route.Name);
            w.WriteStartArray("versions"u8);
            foreach (var version in route.All.Select(t => t.VersionText).Distinct())
            {
                w.WriteStringValue(version);
            }

            w.WriteEndArray();
            w.WriteString("platform"u8, Platform(manifest.Flavor));
            w.WriteStartArray("inputs"u8);
            foreach (var feature in target.Features.Features)
            {
                Tensor(w, feature.Name, feature.OipDatatype, 0);
            }

            w.WriteEndArray();
            w.WriteStartArray("outputs"u8);
            if (manifest.Task != ModelTask.Regression)
            {
                Tensor(w, "label", "BYTES", 0);
            }

            Tensor(w, "score", "FP64", 0);
            if (manifest.Task != ModelTask.Regression)
            {
                Tensor(w, "probabilities", "FP64", manifest.ClassLabels.Count);
            }

            w.WriteEndArray();
            w.WriteStartObject("parameters"u8);
            w.WriteString("model"u8, target.Model.Model);
            w.WriteString("task"u8, manifest.Task switch
            {
                ModelTask.BinaryClassification => "binary",
                ModelTask.MulticlassClassification => "multiclass",
                _ => "regression",
            });
            if (manifest.ClassLabels.Count > 0)
            {
                // OIP parameters are scalars: the class labels (the order of 'probabilities') as a JSON array in a string.
                w.WriteString("class_labels"u8, JsonSerializer.Serialize(manifest.ClassLabels, InferenceJsonContext.Default.IReadOnlyListString));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static Task ModelReadyAsync(HttpContext context, DeploymentRouter router)
    {
        var failure = InferenceTarget.Resolve(router, context, out var route, out _);
        if (route is null || (failure is { } f && f.Status != StatusCodes.Status503ServiceUnavailable))
        {
            return WriteErrorAsync(context, failure!.Value.Status, failure.Value.Message);
        }

        var ready = failure is null;
        return WriteAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, w =>
        {
            w.WriteStartObject();
            w.WriteString("name"u8, route.Name);
            w.WriteBoolean("ready"u8, ready);
            w.WriteEndObject();
        });
    }

    private static void Tensor(Utf8JsonWriter w, string name, string datatype, int columns)
    {
        w.WriteStartObject();
        w.WriteString("name"u8, name);
        w.WriteString("datatype"u8, datatype);
        w.WriteStartArray("shape"u8);
        w.WriteNumberValue(-1);
        if (columns > 0)
        {
            w.WriteNumberValue(columns);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Platform(ModelFlavor flavor) => flavor switch
    {
        ModelFlavor.Onnx => "onnx_onnxv1",
        ModelFlavor.MlNet => "mlnet_zip",
        _ => "cairn_baseline",
    };
}
