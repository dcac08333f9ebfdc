namespace Cairn.Server.Ui;

/// <summary>
/// Plotly reads a small HTML-like markup in trace names, labels and titles (&lt;b&gt;, &lt;a href&gt;, ...).
/// Text that users wrote (run names, params, feature names) goes through <see cref="Escape"/> so that it
/// is shown as written, never interpreted; Plotly turns the entities back into the characters.
/// </summary>
public static class PlotlyText
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
