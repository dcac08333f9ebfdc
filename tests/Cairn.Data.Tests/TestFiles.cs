using System.Text;
using Cairn.Data.Csv;
using Cairn.Data.Formats;
using Cairn.Data.Profiling;
using Cairn.Data.Reading;
using Cairn.Data.Tables;

namespace Cairn.Data.Tests;

/// <summary>The repo's copies of the real data sets, and small helpers to read text as data.</summary>
internal static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static Stream Text(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static Task<DataTable> ReadCsvAsync(string csv, DatasetSchema? schema = null, CsvOptions? options = null) =>
        TableReader.ReadAsync(Text(csv), DataFormat.Csv, schema, new DataReadOptions { Csv = options ?? CsvOptions.Default });

    public static Task<(DatasetSchema Schema, DatasetProfile Profile)> ProfileCsvAsync(string csv, ProfileOptions? options = null) =>
        DatasetProfiler.ProfileAsync(Text(csv), DataFormat.Csv, options);

    public static async Task<(DatasetSchema Schema, DatasetProfile Profile)> ProfileFileAsync(string name)
    {
        await using var file = File.OpenRead(Path(name));
        return await DatasetProfiler.ProfileAsync(file, DataFormats.FromFileName(name)!.Value);
    }
}
