using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>The metadata model on SQLite; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteMetadataContext(DbContextOptions<SqliteMetadataContext> options) : MetadataContext(options);
