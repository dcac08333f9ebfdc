using System.Text;
using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Data.Import;
using Cairn.Data.Serialization;
using Cairn.Data.Validation;
using Cairn.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Data.Tests.Import;

/// <summary>Import and the dataset store on SQLite; <see cref="PostgresImportTests"/> runs the same tests on PostgreSQL.</summary>
public class ImportTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
    private StoreHost _host = null!;
    private DatasetService _service = null!;

    /// <summary>Null: a private SQLite store.</summary>
    protected virtual Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);

    public async Task InitializeAsync()
    {
        _host = await StoreHost.CreateAsync(await DatabaseAsync(), _time);
        _service = new DatasetService(_host.Get<IDatasetStore>(), _host.Get<IArtifactStore>(), _time);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<DatasetVersionWrite> ImportTextAsync(string name, string text, string format = "csv") =>
        _service.ImportAsync(new ImportRequest { Name = name, Format = format }, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    [Fact]
    public async Task ImportingIdenticalBytesTwice_YieldsTheSameVersionAndOneFile()
    {
        var first = await _service.ImportFileAsync(new ImportRequest { Name = "penguins" }, TestFiles.Path("penguins.csv"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await using var upload = File.OpenRead(TestFiles.Path("penguins.csv"));
        var second = await _service.ImportAsync(new ImportRequest { Name = "penguins", FileName = "penguins.csv" }, upload, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Version.Version, second.Version.Version);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestFiles.Path("penguins.csv")))), first.Version.Version);
        Assert.Single(await _service.Store.ListVersionsAsync("penguins", CancellationToken.None));
        var files = await _host.Get<IArtifactStore>().ListAsync($"datasets/{first.Version.Version}", CancellationToken.None);
        Assert.Equal(["data.csv"], files.Select(f => f.Path.Split('/')[^1]));
        Assert.Equal(344, first.Version.RowCount);
        Assert.Equal(8, first.Version.ColumnCount);
        Assert.Equal(new FileInfo(TestFiles.Path("penguins.csv")).Length, first.Version.SizeBytes);
    }

    [Fact]
    public async Task ConcurrentIdenticalImports_CreateOneVersion()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ImportTextAsync("race", "x,y\n1,2\n3,4\n")));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Version.Version).Distinct());
        Assert.Single(await _service.Store.ListVersionsAsync("race", CancellationToken.None));
    }

    [Fact]
    public async Task SameBytesUnderAnotherName_ShareTheStoredFile()
    {
        var a = await ImportTextAsync("shared-a", "x\n1\n");
        var b = await ImportTextAsync("shared-b", "x\n1\n");

        Assert.True(b.Created);
        Assert.Equal(a.Version.ArtifactPath, b.Version.ArtifactPath);
    }

    [Fact]
    public async Task Versions_AreListedLatestFirst_AndResolveByTagPrefixAndLatest()
    {
        var v1 = await ImportTextAsync("weather", "x\n1\n");
        _time.Advance(TimeSpan.FromSeconds(5));
        var v2 = await ImportTextAsync("weather", "x\n2\n");

        var versions = await _service.Store.ListVersionsAsync("weather", CancellationToken.None);
        Assert.Equal([v2.Version.Version, v1.Version.Version], versions.Select(v => v.Version));
        Assert.Equal(v2.Version.Version, (await _service.GetAsync("weather", false, CancellationToken.None)).Version);
        Assert.Equal(v1.Version.Version, (await _service.GetAsync("weather@" + v1.Version.Version[..8], false, CancellationToken.None)).Version);

        await _service.Store.SetTagAsync("weather", "prod", v1.Version.Version, CancellationToken.None);
        var tagged = await _service.GetAsync("weather@prod", true, CancellationToken.None);
        Assert.Equal(v1.Version.Version, tagged.Version);
        Assert.Equal(["prod"], tagged.Tags);
        Assert.NotNull(tagged.ProfileJson);

        await _service.Store.DeleteTagAsync("weather", "prod", CancellationToken.None);
        var gone = await Assert.ThrowsAsync<CairnException>(() => _service.GetAsync("weather@prod", false, CancellationToken.None));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, gone.Code);
    }

    [Fact]
    public async Task MalformedFile_LeavesNothingBehind()
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => ImportTextAsync("broken", "a,b\n1,2\n3\n"));

        Assert.Contains("line 3", e.Message);
        var missing = await Assert.ThrowsAsync<CairnException>(() => _service.Store.ListVersionsAsync("broken", CancellationToken.None));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, missing.Code);
        Assert.Empty(await _host.Get<IArtifactStore>().ListAsync("datasets", CancellationToken.None));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("")]
    public async Task NamesThatCouldEscape_AreRejected(string name)
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => ImportTextAsync(name, "x\n1\n"));

        Assert.Equal(ErrorCode.InvalidParameterValue, e.Code);
        Assert.Contains("'name'", e.Message);
    }

    [Fact]
    public async Task UnknownFormat_IsRejected()
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => ImportTextAsync("x", "x\n1\n", "xlsx"));

        Assert.Contains("'format'", e.Message);
    }

    [Fact]
    public async Task OversizedData_IsRefused()
    {
        var service = new DatasetService(_host.Get<IDatasetStore>(), _host.Get<IArtifactStore>(), _time, new DatasetImportOptions { MaxBytes = 100 });

        var e = await Assert.ThrowsAsync<CairnException>(() => service.ImportAsync(new ImportRequest { Name = "big", Format = "csv" },
            new MemoryStream(Encoding.UTF8.GetBytes("x\n" + string.Concat(Enumerable.Repeat("1\n", 200)))), CancellationToken.None));

        Assert.Equal(ErrorCode.RequestLimitExceeded, e.Code);
    }

    [Fact]
    public async Task StoredVersion_ValidatesAgainstSchemaAndReference_AndReadsBackAsATable()
    {
        var version = (await _service.ImportFileAsync(new ImportRequest { Name = "penguins-v" }, TestFiles.Path("penguins.csv"), CancellationToken.None)).Version;
        var schema = DataJson.ParseSchema(version.SchemaJson);
        var strict = new ValidationSchema { Columns = [.. schema.Columns.Select(c => c with { Nullable = false })] };

        var report = await _service.ValidateAsync(version, strict, CancellationToken.None);
        var reference = await _service.ValidateAgainstAsync(version, await _service.GetAsync("penguins-v", true, CancellationToken.None), CancellationToken.None);
        var table = await _service.ReadTableAsync(version, CancellationToken.None);

        Assert.Equal(5, report.Errors);
        Assert.True(reference.Passed);
        Assert.Empty(reference.Failures);
        Assert.Equal(344, table.RowCount);
        Assert.Equal(schema.Find("sex")!.Categories!, table["sex"].Schema.Categories!);
        Assert.True(table["sex"].Schema.Nullable);
    }
}
