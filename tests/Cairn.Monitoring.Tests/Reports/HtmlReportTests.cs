using System.Xml;
using System.Xml.Linq;
using Cairn.Monitoring.Reports;

namespace Cairn.Monitoring.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    [Fact]
    public void Render_FullReport_IsWellFormedXhtml()
    {
        var html = HtmlReport.Render(SampleReports.Full(), [SampleReports.Full(id: 5, offsetMs: -7_200_000, accuracy: 0.9), SampleReports.Full(id: 6, offsetMs: -3_600_000)]);

        var document = Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(Xhtml + "html", document.Root!.Name);
        Assert.NotNull(document.Root.Element(Xhtml + "head")!.Element(Xhtml + "style"));
        Assert.NotEmpty(document.Descendants(XName.Get("svg", "http://www.w3.org/2000/svg")));
    }

    [Fact]
    public void Render_FullReport_HasARowAndAHistogramPerColumn()
    {
        var report = SampleReports.Full();
        var document = Parse(HtmlReport.Render(report, []));

        var firstCells = document.Descendants(Xhtml + "tr").Select(r => r.Elements(Xhtml + "td").FirstOrDefault()?.Value).ToList();
        foreach (var column in report.FeatureDrift!.Columns.Select(c => c.Column).Append("prediction"))
        {
            Assert.Contains(column, firstCells);
        }

        var details = document.Descendants(Xhtml + "summary").Select(s => s.Value).ToList();
        Assert.Contains(details, d => d.StartsWith("Distribution of temp_max", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("Distribution of " + SampleReports.HostileColumn, StringComparison.Ordinal));
        // The skipped column says why instead of drawing a verdict.
        Assert.Contains("no current values", document.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Header_SaysDriftShareLikeEvidently()
    {
        var document = Parse(HtmlReport.Render(SampleReports.Full(), []));
        var text = document.Root!.Value;

        Assert.Contains("Drift is detected for 50% of columns (1 out of 2).", text, StringComparison.Ordinal);
        Assert.Contains("seattle@3", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 20:00:00 UTC", text, StringComparison.Ordinal);
        Assert.Contains("1,200 rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ScriptInColumnName_IsEscaped()
    {
        var html = HtmlReport.Render(SampleReports.Full(), []);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;co", html, StringComparison.Ordinal);
        Assert.Contains("drift &lt;high&gt;", html, StringComparison.Ordinal);
        Assert.Contains("fog &amp; &lt;mist&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NeedsNoNetwork()
    {
        var html = HtmlReport.Render(SampleReports.Full(), [SampleReports.Full(id: 6, offsetMs: -3_600_000)]);

        // The only URLs are the XHTML and SVG namespace names, which are never fetched.
        var withoutNamespaces = html.Replace("http://www.w3.org/1999/xhtml", string.Empty, StringComparison.Ordinal)
            .Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal);
        foreach (var loader in new[] { "http:", "https:", "//", "src=", "<link", "@import", "url(", "<script" })
        {
            Assert.DoesNotContain(loader, withoutNamespaces, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Render_WithHistory_DrawsPerformanceAndDriftOverTime()
    {
        var document = Parse(HtmlReport.Render(SampleReports.Full(), [SampleReports.Full(id: 6, offsetMs: -3_600_000, accuracy: 0.9)]));

        var headings = document.Descendants(Xhtml + "h2").Concat(document.Descendants(Xhtml + "h3")).Select(h => h.Value).ToList();
        Assert.Contains("Drift over time", headings);
        Assert.Contains("accuracy over time", headings);
        Assert.Contains("macro_f1 over time", headings);
        // One point per report plus one per slice, each with its value in a tooltip.
        var titles = document.Descendants(XName.Get("title", "http://www.w3.org/2000/svg")).Select(t => t.Value).ToList();
        Assert.Contains(titles, t => t.StartsWith("per report 0.9 at", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("slices of this window 0.85 at", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HealthAndAlerts_AreShown()
    {
        var text = Parse(HtmlReport.Render(SampleReports.Full(), [])).Root!.Value;

        // Card label and value are adjacent elements, so their text runs together.
        Assert.Contains("error rate4%", text, StringComparison.Ordinal);
        Assert.Contains("41.5 ms", text, StringComparison.Ordinal);
        Assert.Contains("accuracy-low — firing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BareReport_SaysWhatIsMissing()
    {
        var text = Parse(HtmlReport.Render(SampleReports.Bare(), [])).Root!.Value;

        Assert.Contains("Feature drift was not computed", text, StringComparison.Ordinal);
        Assert.Contains("no live performance", text, StringComparison.Ordinal);
        Assert.Contains("No alert is firing.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OtherVariantsInHistory_AreNotCharted()
    {
        var other = SampleReports.Full(id: 6, offsetMs: -3_600_000) with { Variant = "canary" };

        var html = HtmlReport.Render(SampleReports.Full(), [other]);

        Assert.DoesNotContain("Drift over time", html, StringComparison.Ordinal);
    }
}
