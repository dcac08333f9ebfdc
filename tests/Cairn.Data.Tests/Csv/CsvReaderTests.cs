using Cairn.Core.Errors;
using Cairn.Data.Csv;
using Cairn.Data.Tables;

namespace Cairn.Data.Tests.Csv;

public sealed class CsvReaderTests
{
    [Fact]
    public async Task QuotedFields_KeepDelimitersQuotesAndNewlines()
    {
        var table = await TestFiles.ReadCsvAsync("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n");

        Assert.Equal(4, table.RowCount);
        Assert.Equal<string?>(["a, b", "say \"hi\"", "two\nlines", "plain"], table["text"].Strings!.AsEnumerable());
    }

    [Fact]
    public async Task CrLf_Bom_BlankLinesAndMissingTrailingNewline_AreHandled()
    {
        var table = await TestFiles.ReadCsvAsync("\uFEFFa,b\r\n1,x\r\n\r\n2,y\r\n\n3,z");

        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
        Assert.Equal([1d, 2, 3], table["a"].Numbers!);
        Assert.Equal<string?>(["x", "y", "z"], table["b"].Strings!.AsEnumerable());
    }

    [Fact]
    public async Task RaggedRow_IsRejectedWithItsLineNumber()
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => TestFiles.ReadCsvAsync("a,b\n1,2\n\n\"x\ny\",3\n4,5,6\n"));

        Assert.Equal(ErrorCode.InvalidParameterValue, e.Code);
        Assert.Contains("line 6", e.Message);
        Assert.Contains("3 fields but the header has 2", e.Message);
    }

    [Fact]
    public async Task UnclosedQuote_IsRejectedWithTheLineWhereItOpened()
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => TestFiles.ReadCsvAsync("a,b\n1,2\n3,\"open\n4,5\n"));

        Assert.Contains("line 3", e.Message);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public async Task TextAfterClosingQuote_IsRejected()
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => TestFiles.ReadCsvAsync("a,b\n1,\"x\"y\n"));

        Assert.Contains("line 2", e.Message);
        Assert.Contains("after a closing quote", e.Message);
    }

    [Fact]
    public async Task EmptyFile_IsRejected()
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => TestFiles.ReadCsvAsync(""));

        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public async Task HeaderOnly_IsAnEmptyTable()
    {
        var table = await TestFiles.ReadCsvAsync("a,b\n");

        Assert.Equal(0, table.RowCount);
        Assert.Equal(2, table.Columns.Count);
    }

    [Theory]
    [InlineData("a;b;c\n1;2,5;x\n", ';')]
    [InlineData("a\tb\tc\n1\t2,5\tx\n", '\t')]
    [InlineData("a|b|c\n1|2,5|x\n", '|')]
    public async Task Delimiter_IsSniffedFromTheHeader(string csv, char expected)
    {
        var table = await TestFiles.ReadCsvAsync(csv);

        Assert.Equal(3, table.Columns.Count);
        Assert.Equal("2,5", table["b"].Strings![0]);
        Assert.Equal(expected, (char)Cairn.Data.Csv.DelimiterSniffer.Sniff(System.Text.Encoding.UTF8.GetBytes(csv.Split("\n")[0])));
    }

    [Fact]
    public async Task DuplicateAndEmptyHeaders_GetUniqueNames()
    {
        var table = await TestFiles.ReadCsvAsync("x,x,\n1,2,3\n");

        Assert.Equal(["x", "x_2", "column_3"], table.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task RecordsCutByTheBufferEnd_AreParsedWhole()
    {
        // A 64-byte buffer forces many records (and quoted newlines) across refills.
        var rows = Enumerable.Range(0, 300).Select(i => $"{i},\"v{i}, \"\"q\"\"\nline\",{i * 0.5}").ToList();
        var csv = "id,text,half\n" + string.Join("\r\n", rows) + "\r\n";

        var table = await TestFiles.ReadCsvAsync(csv, options: new CsvOptions { BufferBytes = 64 });

        Assert.Equal(300, table.RowCount);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (double)i), table["id"].Numbers!);
        Assert.Equal("v299, \"q\"\nline", table["text"].Strings![299]);
        Assert.Equal(149.5, table["half"].Numbers![299]);
    }

    [Fact]
    public async Task RowLargerThanTheLimit_IsRejected()
    {
        var csv = "a\n\"" + new string('x', 5000);

        var e = await Assert.ThrowsAsync<CairnException>(() =>
            TestFiles.ReadCsvAsync(csv, options: new CsvOptions { BufferBytes = 256, MaxRecordBytes = 1024 }));

        Assert.Contains("larger than", e.Message);
    }

    [Fact]
    public async Task GivenSchema_ValuesThatDoNotParse_NameColumnAndRow()
    {
        var schema = new DatasetSchema([new ColumnSchema("a", ColumnType.Numeric)]);

        var e = await Assert.ThrowsAsync<CairnException>(() => TestFiles.ReadCsvAsync("a\n1\nabc\n", schema));

        Assert.Contains("'a', row 2", e.Message);
    }
}
