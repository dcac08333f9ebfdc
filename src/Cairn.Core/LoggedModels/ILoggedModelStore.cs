using Cairn.Core.Paging;

namespace Cairn.Core.LoggedModels;

/// <summary>
/// Persistence of MLflow 3.x logged models. Each call is atomic. Unknown or deleted model ids and unknown
/// experiments throw RESOURCE_DOES_NOT_EXIST; bad input throws INVALID_PARAMETER_VALUE naming the field.
/// </summary>
public interface ILoggedModelStore
{
    Task<LoggedModel> CreateAsync(NewLoggedModel model, CancellationToken cancellationToken);

    Task<LoggedModel> GetAsync(string modelId, CancellationToken cancellationToken);

    /// <summary>Sets the final upload status (READY or UPLOAD_FAILED) and returns the updated model.</summary>
    Task<LoggedModel> FinalizeAsync(string modelId, LoggedModelStatus status, CancellationToken cancellationToken);

    /// <summary>Creates or overwrites tags.</summary>
    Task SetTagsAsync(string modelId, IReadOnlyList<KeyValue> tags, CancellationToken cancellationToken);

    /// <summary>Deletes one tag; a missing tag is RESOURCE_DOES_NOT_EXIST.</summary>
    Task DeleteTagAsync(string modelId, string key, CancellationToken cancellationToken);

    /// <summary>Logs params; the same value again is fine, a different value is INVALID_PARAMETER_VALUE.</summary>
    Task LogParamsAsync(string modelId, IReadOnlyList<KeyValue> parameters, CancellationToken cancellationToken);

    /// <summary>Deletes the model (soft: it disappears from get and search; its artifacts stay).</summary>
    Task DeleteAsync(string modelId, CancellationToken cancellationToken);

    Task<Page<LoggedModel>> SearchAsync(LoggedModelSearchQuery query, CancellationToken cancellationToken);
}
