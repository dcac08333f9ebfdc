using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

[CollectionDefinition(Name)]
public sealed class RegistryPostgresCollection : ICollectionFixture<PostgresCairnServerFixture>
{
    public const string Name = "registry on postgres";
}

// The same registry HTTP suites on PostgreSQL.
[Collection(RegistryPostgresCollection.Name)]
public sealed class RegisteredModelApiPostgresTests(PostgresCairnServerFixture server) : RegisteredModelApiTests(server);

[Collection(RegistryPostgresCollection.Name)]
public sealed class ModelVersionApiPostgresTests(PostgresCairnServerFixture server) : ModelVersionApiTests(server);

[Collection(RegistryPostgresCollection.Name)]
public sealed class AliasApiPostgresTests(PostgresCairnServerFixture server) : AliasApiTests(server);

[Collection(RegistryPostgresCollection.Name)]
public sealed class StageTransitionPostgresTests(PostgresCairnServerFixture server) : StageTransitionTests(server);

[Collection(RegistryPostgresCollection.Name)]
public sealed class RegistrySearchPostgresTests(PostgresCairnServerFixture server) : RegistrySearchTests(server);

[Collection(RegistryPostgresCollection.Name)]
public sealed class RecordedClientFlowPostgresTests(PostgresCairnServerFixture server) : RecordedClientFlowTests(server);
