using System.CommandLine;
using Cairn.Storage;

namespace Cairn.Cli.Commands;

/// <summary>The storage options shared by <c>cairn server</c> and <c>cairn db upgrade</c>.</summary>
internal sealed class StorageArguments
{
    public Option<string?> Database { get; } = new("--database")
    {
        Description = "PostgreSQL connection string (\"Host=...;Database=cairn;Username=...\"); default: SQLite in the home directory.",
        HelpName = "connection-string",
    };

    public Option<string?> Artifacts { get; } = new("--artifacts")
    {
        Description = "Artifact root directory (default: <home>/artifacts).",
        HelpName = "dir",
    };

    public Option<string?> Home { get; } = new("--home")
    {
        Description = "State directory for the SQLite file and artifacts (default: $CAIRN_HOME or ./.cairn).",
        HelpName = "dir",
    };

    public void AddTo(Command command)
    {
        command.Add(Database);
        command.Add(Artifacts);
        command.Add(Home);
    }

    public StorageOptions Bind(ParseResult parse)
    {
        var storage = new StorageOptions { Database = parse.GetValue(Database), Artifacts = parse.GetValue(Artifacts) };
        if (parse.GetValue(Home) is { Length: > 0 } home)
        {
            storage.Home = home;
        }

        return storage;
    }

    /// <summary>Where the metadata lives, for humans; a PostgreSQL password is never printed.</summary>
    public static (string Provider, string Location) Describe(StorageOptions storage)
    {
        if (!storage.UsesPostgres)
        {
            return ("SQLite", Path.GetFullPath(storage.SqlitePath));
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(storage.Database);
        return ("PostgreSQL", $"{builder.Host}:{builder.Port}/{builder.Database}");
    }
}
