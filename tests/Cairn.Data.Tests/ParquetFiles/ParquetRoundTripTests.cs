using Cairn.Core.Errors;
using Cairn.Data.Formats;
using Cairn.Data.Profiling;
using Cairn.Data.Reading;
using Cairn.Data.Tables;
using Cairn.Data.Writing;

namespace Cairn.Data.Tests.ParquetFiles;

public sealed class ParquetRoundTripTests
{
    [Theory]
    [InlineData(DataFormat.Parquet)]
    [InlineData(DataFormat.Csv)]
    [InlineData(DataFormat.JsonLines)]
    public async Task SeattleWeather_WrittenAndReadBack_KeepsValuesAndTypes(DataFormat format)
    {
        var original = await TableReader.ReadFileAsync(TestFiles.Path("seattle-weather.csv"));
        using var buffer = new MemoryStream();

        await TableWriter.WriteAsync(original, buffer, format, CancellationToken.None);
        buffer.Position = 0;
        var back = await TableReader.ReadAsync(buffer, format, original.Schema);

        Assert.Equal(original.RowCount, back.RowCount);
        Assert.Equal(original["temp_max"].Numbers!, back["temp_max"].Numbers!);
        Assert.Equal(original["date"].Times!, back["date"].Times!);
        Assert.Equal(original["weather"].Strings!.AsEnumerable(), back["weather"].Strings!.AsEnumerable());
    }

    [Fact]
    public async Task Parquet_ProfileMatchesTheCsvProfile()
    {
        var table = await TableReader.ReadFileAsync(TestFiles.Path("penguins.csv"));
        using var parquet = new MemoryStream();
        await ParquetTableWriter.WriteAsync(table, parquet, CancellationToken.None);
        parquet.Position = 0;

        var (fromParquet, profile) = await DatasetProfiler.ProfileAsync(parquet, DataFormat.Parquet);
        var (fromCsv, csvProfile) = await TestFiles.ProfileFileAsync("penguins.csv");

        Assert.Equal(fromCsv.Columns.Select(c => (c.Name, c.Type, c.Nullable)), fromParquet.Columns.Select(c => (c.Name, c.Type, c.Nullable)));
        Assert.Equal(csvProfile.Find("body_mass_g")!.Mean, profile.Find("body_mass_g")!.Mean);
        Assert.Equal(11, profile.Find("sex")!.Missing);
    }

    [Fact]
    public async Task NotParquet_IsRejected()
    {
        var e = await Assert.ThrowsAsync<CairnException>(() => TableReader.ReadAsync(TestFiles.Text("a,b\n1,2\n"), DataFormat.Parquet));

        Assert.Equal(ErrorCode.InvalidParameterValue, e.Code);
        Assert.Contains("Parquet", e.Message);
    }

    [Fact]
    public async Task CsvWriter_QuotesOnlyWhatNeedsQuoting()
    {
        var table = new DataTable([new DataColumn { Schema = new ColumnSchema("t", ColumnType.Text), Strings = ["a,b", "say \"x\"", "plain", null, "line\nbreak"] }]);
        using var buffer = new MemoryStream();

        await CsvTableWriter.WriteAsync(table, buffer, CancellationToken.None);

        Assert.Equal("t\n\"a,b\"\n\"say \"\"x\"\"\"\nplain\n\n\"line\nbreak\"\n", System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
