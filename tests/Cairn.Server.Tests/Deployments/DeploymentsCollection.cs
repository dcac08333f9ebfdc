using Cairn.Testing.Deployments;

namespace Cairn.Server.Tests.Deployments;

[CollectionDefinition(Name)]
public sealed class DeploymentsCollection : ICollectionFixture<DeploymentsServerFixture>
{
    public const string Name = "deployments server";
}
