using Cairn.Testing.Deployments;

namespace Cairn.Server.Tests.Rollouts;

[CollectionDefinition(Name)]
public sealed class RolloutsCollection : ICollectionFixture<DeploymentsServerFixture>
{
    public const string Name = "rollouts server";
}
