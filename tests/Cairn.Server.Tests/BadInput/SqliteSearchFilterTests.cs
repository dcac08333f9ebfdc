using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

[Collection(BadInputCollections.Sqlite)]
public sealed class SqliteSearchFilterTests(CairnServerFixture server) : SearchFilterTests(server);
