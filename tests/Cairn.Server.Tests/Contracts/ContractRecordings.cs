namespace Cairn.Server.Tests.Contracts;

/// <summary>The recordings shipped with this test project (copied to the output directory) and their test cases.</summary>
public static class ContractRecordings
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Contracts", "Recordings");

    public static IReadOnlyList<string> Files =>
        System.IO.Directory.GetFiles(Directory, "*.jsonl").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<RecordedExchange> Load(string file) => RecordedExchange.Load(Path.Combine(Directory, file));

    /// <summary>One theory row per recorded exchange: (file, index, "METHOD path") so each shows up as its own test.</summary>
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Files)
        {
            foreach (var exchange in Load(file))
            {
                data.Add(file, exchange.Index, exchange.Title);
            }
        }

        return data;
    }
}
