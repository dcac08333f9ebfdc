using System.Globalization;
using System.Text;

namespace Cairn.Bench.Data;

/// <summary>
/// Writes a deterministic CSV of realistic mixed columns: 14 numeric (decimals and integers), 3
/// categorical, a date, a boolean and an id. The same seed always produces the same bytes.
/// </summary>
internal static class CsvGenerator
{
    private static readonly string[] Cities = ["Seattle", "Portland", "Boise", "Spokane", "Tacoma", "Eugene", "Salem", "Olympia"];
    private static readonly string[] Plans = ["free", "basic", "pro", "enterprise"];
    private static readonly string[] Channels = ["web", "mobile", "partner", "store", "phone", "email"];

    public static void Write(string path, int rows)
    {
        var random = new Random(12345);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Enumerable.Range(1, 14).Select(i => $"x{i}").Concat(["city", "plan", "channel", "day", "active", "id"])));
        var line = new StringBuilder(256);
        var start = new DateTime(2015, 1, 1);
        for (var r = 0; r < rows; r++)
        {
            line.Clear();
            for (var i = 0; i < 14; i++)
            {
                if (random.Next(200) == 0)
                {
                    line.Append("NA,");
                    continue;
                }

                var value = i % 3 == 0
                    ? Math.Round(random.NextDouble() * 1000, 0)
                    : Math.Round((random.NextDouble() - 0.3) * Math.Pow(10, i % 4), 4);
                line.Append(value.ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            line.Append(Cities[random.Next(Cities.Length)]).Append(',')
                .Append(Plans[random.Next(Plans.Length)]).Append(',')
                .Append(Channels[random.Next(Channels.Length)]).Append(',')
                .Append(start.AddDays(random.Next(3000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(2) == 0 ? "true" : "false").Append(',')
                .Append(r);
            writer.WriteLine(line);
        }
    }
}
