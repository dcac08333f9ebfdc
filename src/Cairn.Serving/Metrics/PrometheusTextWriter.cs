using System.Globalization;
using System.Text;

namespace Cairn.Serving.Metrics;

/// <summary>
/// Writes the Prometheus text exposition format 0.0.4: a <c># HELP</c> and <c># TYPE</c> line per metric
/// family, then one line per sample, <c>name{label="value",...} number</c>. Label values escape
/// backslash, double quote and newline; HELP text escapes backslash and newline.
/// </summary>
public sealed class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new(4096);

    /// <summary>Starts a metric family; <paramref name="type"/> is counter, gauge or histogram.</summary>
    public PrometheusTextWriter Family(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ');
        AppendEscaped(help, inLabel: false);
        _text.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <summary>One sample; <paramref name="labels"/> are name/value pairs, written in the given order.</summary>
    public PrometheusTextWriter Sample(string name, ReadOnlySpan<(string Name, string Value)> labels, double value)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0)
                {
                    _text.Append(',');
                }

                _text.Append(labels[i].Name).Append("=\"");
                AppendEscaped(labels[i].Value, inLabel: true);
                _text.Append('"');
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(FormatValue(value)).Append('\n');
        return this;
    }

    public PrometheusTextWriter Sample(string name, double value) => Sample(name, [], value);

    /// <summary>
    /// The series of one histogram: cumulative <c>_bucket</c> lines with an <c>le</c> label appended to the
    /// given labels (ending with +Inf), then <c>_sum</c> and <c>_count</c>.
    /// </summary>
    public PrometheusTextWriter Histogram(string name, ReadOnlySpan<(string Name, string Value)> labels, double[] bounds, HistogramSnapshot snapshot)
    {
        var withLe = new (string Name, string Value)[labels.Length + 1];
        labels.CopyTo(withLe);
        for (var i = 0; i <= bounds.Length; i++)
        {
            withLe[^1] = ("le", i < bounds.Length ? FormatValue(bounds[i]) : "+Inf");
            Sample(name + "_bucket", withLe, snapshot.Cumulative[i]);
        }

        Sample(name + "_sum", labels, snapshot.Sum);
        Sample(name + "_count", labels, snapshot.Count);
        return this;
    }

    /// <summary>
    /// A counter family and a latency histogram family over the same series: the counter's value is the
    /// histogram's count, so the two can never disagree.
    /// </summary>
    public PrometheusTextWriter CountedLatency(
        (string Name, string Help) counter, (string Name, string Help) histogram, IReadOnlyList<((string Name, string Value)[] Labels, HistogramSnapshot Snapshot)> series)
    {
        Family(counter.Name, "counter", counter.Help);
        foreach (var (labels, snapshot) in series)
        {
            Sample(counter.Name, labels, snapshot.Count);
        }

        Family(histogram.Name, "histogram", histogram.Help);
        foreach (var (labels, snapshot) in series)
        {
            Histogram(histogram.Name, labels, LatencyHistogram.Bounds, snapshot);
        }

        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>Go's float formatting as Prometheus parses it: shortest round-trip, and +Inf/-Inf/NaN.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private void AppendEscaped(string value, bool inLabel)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '"' when inLabel: _text.Append("\\\""); break;
                default: _text.Append(c); break;
            }
        }
    }
}
