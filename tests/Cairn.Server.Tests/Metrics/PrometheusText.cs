using System.Globalization;
using System.Text;

namespace Cairn.Server.Tests.Metrics;

/// <summary>
/// A strict little parser of the Prometheus text format 0.0.4, so tests check that what /metrics writes
/// is parseable (HELP and TYPE before a family's samples, label escaping, float syntax), not just that
/// some substring is present.
/// </summary>
internal static class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
    {
        public string? this[string label] => Labels.TryGetValue(label, out var v) ? v : null;
    }

    public sealed record Family(string Name, string Type, string Help, List<Sample> Samples);

    public static Dictionary<string, Family> Parse(string text)
    {
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var helps = new Dictionary<string, string>(StringComparer.Ordinal);
        Family? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line[7..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                helps[rest[..space]] = Unescape(rest[(space + 1)..], inLabel: false);
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                Assert.Equal(2, parts.Length);
                Assert.Contains(parts[1], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.False(families.ContainsKey(parts[0]), $"family {parts[0]} declared twice");
                Assert.True(helps.ContainsKey(parts[0]), $"family {parts[0]} has no HELP before TYPE");
                current = new Family(parts[0], parts[1], helps[parts[0]], []);
                families[parts[0]] = current;
                continue;
            }

            Assert.False(line.StartsWith('#'), $"unexpected comment line: {line}");
            var sample = ParseSample(line);
            Assert.NotNull(current);
            var allowed = current.Type == "histogram"
                ? new[] { current.Name + "_bucket", current.Name + "_sum", current.Name + "_count" }
                : new[] { current.Name };
            Assert.Contains(sample.Name, allowed);
            current.Samples.Add(sample);
        }

        return families;
    }

    private static Sample ParseSample(string line)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }

        var name = line[..i];
        Assert.False(string.IsNullOrEmpty(name), $"no metric name in: {line}");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                var label = line[i..eq];
                Assert.Matches("^[a-zA-Z_][a-zA-Z0-9_]*$", label);
                Assert.Equal('"', line[eq + 1]);
                var value = new StringBuilder();
                var j = eq + 2;
                for (; line[j] != '"'; j++)
                {
                    if (line[j] == '\\')
                    {
                        j++;
                        value.Append(line[j] switch { 'n' => '\n', '\\' => '\\', '"' => '"', _ => throw new FormatException($"bad escape \\{line[j]} in: {line}") });
                    }
                    else
                    {
                        value.Append(line[j]);
                    }
                }

                labels.Add(label, value.ToString());
                i = j + 1;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        Assert.Equal(' ', line[i]);
        var number = line[(i + 1)..];
        var parsed = number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, parsed);
    }

    private static string Unescape(string text, bool inLabel)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                result.Append(text[i] switch { 'n' => '\n', '\\' => '\\', '"' when inLabel => '"', _ => throw new FormatException($"bad escape in: {text}") });
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
