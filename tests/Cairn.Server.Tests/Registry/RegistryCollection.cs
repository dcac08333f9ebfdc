using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

/// <summary>One real server (Kestrel + SQLite) shared by the registry's HTTP tests; every test uses its own model names.</summary>
[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<CairnServerFixture>
{
    public const string Name = "registry-http";
}
