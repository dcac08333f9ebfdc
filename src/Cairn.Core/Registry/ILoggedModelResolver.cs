namespace Cairn.Core.Registry;

/// <summary>
/// Looks up logged models for the registry: a version registered from <c>models:/m-...</c> takes its
/// storage location (the logged model's <c>artifact_uri</c>) and, when none is given, its run id from
/// the logged model. Implemented by the logged-model store; the registry works without one (the
/// download URI is then the source itself).
/// </summary>
public interface ILoggedModelResolver
{
    /// <summary>The logged model, or null when there is none with that id.</summary>
    Task<LoggedModelReference?> FindAsync(string modelId, CancellationToken cancellationToken);
}
