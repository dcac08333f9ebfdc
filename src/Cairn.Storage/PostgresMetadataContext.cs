using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>The metadata model on PostgreSQL; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresMetadataContext(DbContextOptions<PostgresMetadataContext> options) : MetadataContext(options);
