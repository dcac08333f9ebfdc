using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Storage.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tests.Search;

/// <summary>The <see cref="RunSearchData"/> runs in one database, shared by the run search tests.</summary>
public sealed class RunSearchFixture : IAsyncLifetime
{
    private SearchDatabase? _database;

    public SearchDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        _database = await SearchDatabase.CreateAsync(CancellationToken.None);
        await _database.InsertAsync(RunSearchData.Experiments, RunSearchData.Datasets, RunSearchData.Runs(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Parses like the server does, translates, and returns the run ids in result order.</summary>
    public Task<List<string>> SearchAsync(
        string? filter,
        string[]? orderBy = null,
        ViewType viewType = ViewType.ActiveOnly,
        string[]? experimentIds = null)
    {
        var query = new RunSearchQuery
        {
            ExperimentIds = experimentIds ?? ["1"],
            Filter = SearchFilterParser.Parse(filter, SearchContext.Runs),
            OrderBy = SearchFilterParser.ParseOrderBy(orderBy, SearchContext.Runs),
            ViewType = viewType,
        };
        return RunSearchTranslator.Apply(Database.Context, query).Select(r => r.RunId).ToListAsync();
    }
}
