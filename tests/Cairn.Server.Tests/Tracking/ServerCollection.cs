using Cairn.Testing;

namespace Cairn.Server.Tests.Tracking;

[CollectionDefinition(Name)]
public sealed class SqliteServerCollection : ICollectionFixture<CairnServerFixture>
{
    public const string Name = "sqlite server";
}
