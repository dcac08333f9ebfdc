namespace Cairn.Storage;

/// <summary>
/// Where Cairn keeps its state. With no <see cref="Database"/>, metadata is the SQLite file
/// <c>{Home}/cairn.db</c>; a PostgreSQL connection string switches the provider. Artifacts default to <c>{Home}/artifacts</c>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Cairn:Storage";

    /// <summary>State directory; <c>CAIRN_HOME</c> or <c>./.cairn</c> by default.</summary>
    public string Home { get; set; } = Environment.GetEnvironmentVariable("CAIRN_HOME") is { Length: > 0 } home ? home : ".cairn";

    /// <summary>A PostgreSQL connection string ("Host=...;Database=..."), or null for the embedded SQLite file.</summary>
    public string? Database { get; set; }

    /// <summary>Artifact root directory; <c>{Home}/artifacts</c> when unset.</summary>
    public string? Artifacts { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(Database);

    public string SqlitePath => Path.Combine(Home, "cairn.db");

    public string ArtifactRoot => string.IsNullOrWhiteSpace(Artifacts) ? Path.Combine(Home, "artifacts") : Artifacts;
}
