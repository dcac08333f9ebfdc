// Scaffolds an EF Core migration for one provider without the dotnet-ef tool (not on our package feed):
//   dotnet run --project tools/Cairn.MigrationsTool -- <sqlite|postgres> <MigrationName>
// It uses the same design-time services dotnet-ef uses and writes into src/Cairn.Storage/Migrations/<Provider>.
using Cairn.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 2 || args[0] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("usage: Cairn.MigrationsTool <sqlite|postgres> <MigrationName>");
    return 2;
}

var (provider, name) = (args[0], args[1]);
var root = FindRepositoryRoot();
var storageDir = Path.Combine(root, "src", "Cairn.Storage");
var subNamespace = provider == "sqlite" ? "Sqlite" : "Postgres";

MetadataContext context = provider == "sqlite"
    ? new SqliteMetadataContext(new DbContextOptionsBuilder<SqliteMetadataContext>().UseSqlite("Data Source=:memory:").Options)
    : new PostgresMetadataContext(new DbContextOptionsBuilder<PostgresMetadataContext>().UseNpgsql("Host=localhost").Options);

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(context);
if (provider == "sqlite")
{
    new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
}
else
{
    new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
}

var scaffolder = services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, "Cairn.Storage", "Migrations." + subNamespace, "C#");
var files = scaffolder.Save(storageDir, migration, Path.Combine(storageDir, "Migrations", subNamespace));
Console.WriteLine($"wrote {files.MigrationFile}");
return 0;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Cairn.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the Cairn repository.");
}
