using Cairn.Core.Errors;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Data.Tables;

namespace Cairn.Data.Tests.Json;

public sealed class JsonReaderTests
{
    [Fact]
    public async Task JsonLines_UnionOfKeys_NullsNestedValuesAndEscapes()
    {
        var jsonl = "{\"a\":1,\"s\":\"x\\\"y\"}\r\n\n{\"a\":null,\"b\":true,\"n\":{\"k\":[1,2]}}\n{\"a\":2.5,\"s\":\"\\u00e9\"}";

        var table = await TableReader.ReadAsync(TestFiles.Text(jsonl), DataFormat.JsonLines);

        Assert.Equal(["a", "s", "b", "n"], table.Columns.Select(c => c.Name));
        Assert.Equal(3, table.RowCount);
        Assert.Equal(ColumnType.Numeric, table["a"].Schema.Type);
        Assert.True(double.IsNaN(table["a"].Numbers![1]));
        Assert.Equal("x\"y", table["s"].Strings![0]);
        Assert.Equal("é", table["s"].Strings![2]);
        Assert.Null(table["b"].Booleans![0]);
        Assert.Equal(true, table["b"].Booleans![1]);
        Assert.Equal("{\"k\":[1,2]}", table["n"].Strings![1]);
    }

    [Theory]
    [InlineData("{\"a\":1}\n{\"a\":\n", "line 2")]
    [InlineData("{\"a\":1}\n[1,2]\n", "line 2: each line must be a JSON object")]
    [InlineData("{\"a\":1} {\"a\":2}\n", "line 1")]
    public async Task MalformedJsonLines_NameTheLine(string jsonl, string expected)
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => TableReader.ReadAsync(TestFiles.Text(jsonl), DataFormat.JsonLines));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task JsonArray_MustHoldObjects()
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => TableReader.ReadAsync(TestFiles.Text("[{\"a\":1}, 2]"), DataFormat.Json));

        Assert.Contains("element 2", e.Message);
    }
}
