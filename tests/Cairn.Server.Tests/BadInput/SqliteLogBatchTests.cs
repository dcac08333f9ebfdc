using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

[Collection(BadInputCollections.Sqlite)]
public sealed class SqliteLogBatchTests(CairnServerFixture server) : LogBatchTests(server);
