using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

[Collection(BadInputCollections.Postgres)]
public sealed class PostgresLogBatchTests(PostgresCairnServerFixture server) : LogBatchTests(server);
