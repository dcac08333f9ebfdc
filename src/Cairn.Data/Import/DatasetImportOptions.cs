using Cairn.Data.Profiling;
using Cairn.Data.Reading;

namespace Cairn.Data.Import;

/// <summary>Limits and working space of imports.</summary>
public sealed record DatasetImportOptions
{
    /// <summary>Where uploads are spooled while they are hashed and profiled; null is the system temp directory.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Largest file accepted.</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024 * 1024;

    public ProfileOptions Profile { get; init; } = ProfileOptions.Default;

    public DataReadOptions Read { get; init; } = DataReadOptions.Default;
}
