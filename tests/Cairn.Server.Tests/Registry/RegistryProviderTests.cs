using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

// The registry's HTTP tests on the embedded SQLite store. Each suite is an abstract class so the same
// tests run on another provider by deriving once more in that provider's collection.
[Collection(RegistryCollection.Name)]
public sealed class RegisteredModelApiSqliteTests(CairnServerFixture server) : RegisteredModelApiTests(server);

[Collection(RegistryCollection.Name)]
public sealed class ModelVersionApiSqliteTests(CairnServerFixture server) : ModelVersionApiTests(server);

[Collection(RegistryCollection.Name)]
public sealed class AliasApiSqliteTests(CairnServerFixture server) : AliasApiTests(server);

[Collection(RegistryCollection.Name)]
public sealed class StageTransitionSqliteTests(CairnServerFixture server) : StageTransitionTests(server);

[Collection(RegistryCollection.Name)]
public sealed class RegistrySearchSqliteTests(CairnServerFixture server) : RegistrySearchTests(server);

[Collection(RegistryCollection.Name)]
public sealed class RecordedClientFlowSqliteTests(CairnServerFixture server) : RecordedClientFlowTests(server);
