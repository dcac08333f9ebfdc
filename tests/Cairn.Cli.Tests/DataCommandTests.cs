using System.Text;
using System.Text.Json;
using Cairn.Cli.Tests.Commands;
using Cairn.Testing;

namespace Cairn.Cli.Tests;

[Collection(CliServerCollection.Name)]
public sealed class DataCommandTests(CairnServerFixture server) : IDisposable
{
    private const string Penguins = "species,island,bill_length_mm,sex,year\n"
        + "Adelie,Torgersen,39.1,male,2007\n"
        + "Adelie,Torgersen,NA,NA,2007\n"
        + "Gentoo,Biscoe,46.1,female,2008\n"
        + "Chinstrap,Dream,NA,male,2009\n";

    private readonly Uri _server = server.BaseAddress;
    private readonly TempDirectory _dir = new("cairn-cli-data");

    public void Dispose() => _dir.Dispose();

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string NewName() => $"ds-{Guid.NewGuid():N}"[..15];

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, "--server", _server.ToString()]);

    [Fact]
    public async Task Import_ThenReimport_ReportsUnchanged_AndListShowsOneVersion()
    {
        var name = NewName();
        var file = WriteFile("penguins.csv", Penguins);

        var first = await CliRunner.RunOkAsync(_server, "data", "import", file, "--name", name);
        var second = await CliRunner.RunOkAsync(_server, "data", "import", file, "--name", name);
        var datasets = await CliRunner.RunOkAsync(_server, "data", "list");
        var versions = await CliRunner.RunOkAsync(_server, "data", "list", name);

        Assert.Matches($@"^Imported {name}@[0-9a-f]{{12}}: 4 rows, 5 columns", first);
        Assert.StartsWith($"Unchanged: {name}@", second, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^{name}\s+1\s+[0-9a-f]{{12}}", datasets);
        Assert.Equal(2, versions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("penguins.csv", versions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_PrintsSchemaAndProfileTables()
    {
        var name = NewName();
        await CliRunner.RunOkAsync(_server, "data", "import", WriteFile("p.csv", Penguins), "--name", name);

        var shown = await CliRunner.RunOkAsync(_server, "data", "show", $"{name}@latest");

        Assert.Matches(@"(?m)^Rows\s+4$", shown);
        Assert.Matches(@"(?m)^island\s+text\s+no\s+0\s+3\s+Torgersen \(2\)", shown);
        Assert.Matches(@"(?m)^bill_length_mm\s+numeric\s+yes\s+2 \(50%\)", shown);
        Assert.Matches(@"(?m)^year\s+numeric \(int\)\s+no", shown);
        Assert.Contains("P50", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SchemaForbiddingMissingValues_FailsWithExit1AndListsEveryColumn()
    {
        var name = NewName();
        await CliRunner.RunOkAsync(_server, "data", "import", WriteFile("p.csv", Penguins), "--name", name);
        var schema = WriteFile("schema.json", """
            {"columns":[{"name":"species","type":"categorical","categories":["Adelie","Gentoo"]},
                        {"name":"island","type":"text"},{"name":"bill_length_mm","type":"numeric","min":40},
                        {"name":"sex","type":"categorical"},{"name":"year","type":"integer"}]}
            """);

        var failed = await RunAsync("data", "validate", $"{name}@latest", "--schema", schema);
        var reference = await RunAsync("data", "validate", name, "--reference", $"{name}@latest");

        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("FAILED against schema: 4 error(s)", failed.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ERROR\s+missing_values\s+bill_length_mm\s+2\s+row 2: NA", failed.Out);
        Assert.Matches(@"(?m)^ERROR\s+missing_values\s+sex\s+1", failed.Out);
        Assert.Matches(@"(?m)^ERROR\s+unseen_category\s+species\s+1\s+row 4: Chinstrap", failed.Out);
        Assert.Matches(@"(?m)^ERROR\s+out_of_range\s+bill_length_mm\s+1\s+row 1: 39.1", failed.Out);
        Assert.Equal(0, reference.ExitCode);
        Assert.StartsWith("PASSED", reference.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportJson_IsTheApiObject()
    {
        var name = NewName();

        var json = await CliRunner.RunOkAsync(_server, "data", "import", WriteFile("x.jsonl", "{\"a\":1}\n{\"a\":2}\n"), "--name", name, "--json");

        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("created").GetBoolean());
        Assert.Equal("jsonl", document.RootElement.GetProperty("version").GetProperty("format").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("version").GetProperty("row_count").GetInt64());
    }

    [Fact]
    public async Task LargeImport_ReportsProgressOnStderr()
    {
        var name = NewName();
        var builder = new StringBuilder("id,value\n");
        for (var i = 0; builder.Length < 9 * 1024 * 1024; i++)
        {
            builder.Append(i).Append(',').Append(i * 0.25).Append('\n');
        }

        var result = await RunAsync("data", "import", WriteFile("big.csv", builder.ToString()), "--name", name);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("uploading: 50%", result.Error, StringComparison.Ordinal);
        Assert.Contains("uploading: 100%", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_HaveTheRightExitCodes()
    {
        var name = NewName();
        var malformed = await RunAsync("data", "import", WriteFile("bad.csv", "a,b\n1\n"), "--name", name);
        var missingFile = await RunAsync("data", "import", Path.Combine(_dir.Path, "nope.csv"), "--name", name);
        var badFormat = await RunAsync("data", "import", WriteFile("x.csv", "a\n1\n"), "--name", name, "--format", "xlsx");
        var unknown = await RunAsync("data", "show", "no-such-dataset@latest");
        var both = await RunAsync("data", "validate", "x", "--reference", "y", "--schema", WriteFile("s.json", "{\"columns\":[]}"));
        var neither = await RunAsync("data", "validate", "x");
        var badSchema = await RunAsync("data", "validate", "x", "--schema", WriteFile("bad.json", "{oops"));

        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("line 2", malformed.Error, StringComparison.Ordinal);
        Assert.Equal(2, missingFile.ExitCode);
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Equal(2, neither.ExitCode);
        Assert.Equal(2, badSchema.ExitCode);
    }

    [Fact]
    public async Task Tag_MakesNameAtTagResolve()
    {
        var name = NewName();
        await CliRunner.RunOkAsync(_server, "data", "import", WriteFile("a.csv", "x\n1\n"), "--name", name);

        var tagged = await CliRunner.RunOkAsync(_server, "data", "tag", $"{name}@latest", "golden");
        var shown = await CliRunner.RunOkAsync(_server, "data", "show", $"{name}@golden");

        Assert.Matches($@"^{name}@golden -> [0-9a-f]{{12}}", tagged);
        Assert.Matches(@"(?m)^Tags\s+golden$", shown);
    }
}
