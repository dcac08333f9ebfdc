using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

[Collection(BadInputCollections.Postgres)]
public sealed class PostgresSearchFilterTests(PostgresCairnServerFixture server) : SearchFilterTests(server);
