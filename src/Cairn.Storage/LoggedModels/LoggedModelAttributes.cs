using Cairn.Core.Errors;
using Cairn.Core.LoggedModels;

namespace Cairn.Storage.LoggedModels;

/// <summary>The attributes a logged-model filter or order key may name (MLflow's SearchLoggedModelsUtils), with aliases.</summary>
internal static class LoggedModelAttributes
{
    public const string Name = "name";
    public const string ModelId = "model_id";
    public const string ModelType = "model_type";
    public const string Status = "status";
    public const string SourceRunId = "source_run_id";
    public const string CreationTimestamp = "creation_timestamp";
    public const string LastUpdatedTimestamp = "last_updated_timestamp";

    /// <summary>The canonical attribute name, or null when the key is not a logged-model attribute.</summary>
    public static string? Canonical(string key) => key switch
    {
        Name or ModelId or ModelType or Status or SourceRunId => key,
        CreationTimestamp or "creation_time" or "creation_timestamp_ms" => CreationTimestamp,
        LastUpdatedTimestamp or "last_updated_time" or "last_updated_timestamp_ms" => LastUpdatedTimestamp,
        _ => null,
    };

    public static bool IsNumeric(string canonical) => canonical is CreationTimestamp or LastUpdatedTimestamp;

    public static string? Text(LoggedModel model, string canonical) => canonical switch
    {
        Name => model.Name,
        ModelId => model.ModelId,
        ModelType => model.ModelType,
        Status => model.Status.ToWire(),
        SourceRunId => model.SourceRunId,
        _ => null,
    };

    public static long Number(LoggedModel model, string canonical) =>
        canonical == CreationTimestamp ? model.CreationTimestampMs : model.LastUpdatedTimestampMs;

    /// <summary>A status in a filter may be written <c>READY</c> or <c>LOGGED_MODEL_READY</c> (or its number).</summary>
    public static string NormalizeStatus(string value) =>
        (LoggedModelStatuses.TryParse(value) ?? LoggedModelStatuses.TryParse("LOGGED_MODEL_" + value))?.ToWire() ?? value;

    public static CairnException InvalidKey(string key) =>
        CairnException.InvalidParameter(
            $"Invalid logged model search key '{key}': expected one of name, model_id, model_type, status, source_run_id, " +
            "creation_timestamp, last_updated_timestamp, metrics.<key>, params.<key> or tags.<key>.");
}
