namespace Cairn.Storage;

/// <summary>Creates short-lived metadata contexts (pooled) for whichever provider is configured.</summary>
public interface IMetadataContextFactory
{
    MetadataContext Create();

    /// <summary>True on PostgreSQL, where bulk paths use provider fast paths (COPY) and errors differ.</summary>
    bool IsPostgres { get; }
}
