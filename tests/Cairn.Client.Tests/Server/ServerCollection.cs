using Cairn.Testing;

namespace Cairn.Client.Tests.Server;

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<CairnServerFixture>
{
    public const string Name = "client against a real server";
}
