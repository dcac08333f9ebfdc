using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

/// <summary>The bad-input tests share one server per provider; every test makes its own experiment and run.</summary>
public static class BadInputCollections
{
    public const string Sqlite = "bad-input-sqlite";
    public const string Postgres = "bad-input-postgres";
}

[CollectionDefinition(BadInputCollections.Sqlite)]
public sealed class BadInputSqliteCollection : ICollectionFixture<CairnServerFixture>;

[CollectionDefinition(BadInputCollections.Postgres)]
public sealed class BadInputPostgresCollection : ICollectionFixture<PostgresCairnServerFixture>;
