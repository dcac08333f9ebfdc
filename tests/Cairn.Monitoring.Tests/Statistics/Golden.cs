using System.Text.Json;

namespace Cairn.Monitoring.Tests.Statistics;

/// <summary>
/// The drift contract's golden values (SciPy 1.10.1 / numpy 1.24.2), a copy of the shared contract kept
/// in Statistics/Contract (with its README stating the tolerances) so the tests run from any clone.
/// </summary>
internal static class Golden
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static string Path { get; } = Find();

    public static IEnumerable<JsonElement> Cases(string kind) =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == kind);

    public static JsonElement Case(string id) =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    public static TheoryData<string> Ids(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases(kind))
        {
            data.Add(c.GetProperty("id").GetString()!);
        }

        return data;
    }

    public static double[] Numbers(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static long[] Counts(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetInt64()).ToArray();

    public static string[] Strings(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static double Number(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element.GetDouble();
    }

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(Path));

    private static string Find() => System.IO.Path.Combine(AppContext.BaseDirectory, "Statistics", "Contract", "golden.json");
}
