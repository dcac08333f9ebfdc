using Cairn.Testing;

namespace Cairn.Cli.Tests.Commands;

[CollectionDefinition(Name)]
public sealed class CliServerCollection : ICollectionFixture<CairnServerFixture>
{
    public const string Name = "cli against a real server";
}
