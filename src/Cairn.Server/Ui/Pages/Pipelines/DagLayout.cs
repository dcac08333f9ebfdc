using System.Globalization;
using System.Text;
using GraphShape;
using GraphShape.Algorithms.Layout;
using QuikGraph;

namespace Cairn.Server.Ui.Pages.Pipelines;

/// <summary>
/// Lays a pipeline's step DAG out on the server with GraphShape's Sugiyama (layered) algorithm, left to
/// right: layers follow the dependencies, the order inside a layer keeps edge crossings low. The result is
/// plain geometry the page draws as SVG, so the browser needs no layout script.
/// </summary>
public static class DagLayout
{
    public const double BoxWidth = 150;
    public const double BoxHeight = 46;
    public const double Margin = 12;

    /// <summary>The largest empty vertical band left between boxes or edge bends.</summary>
    public const double MaxGap = 24;

    /// <summary>Lays out <paramref name="steps"/> (in a stable order) with <paramref name="dependencies"/> between them; unknown ids in a dependency are ignored.</summary>
    public static DagDrawing Compute(IReadOnlyList<DagStep> steps, IReadOnlyList<DagDependency> dependencies)
    {
        if (steps.Count == 0)
        {
            return new DagDrawing([], [], 0, 0);
        }

        var ids = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var graph = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(steps.Select(s => s.Id));
        var edges = dependencies.Where(d => ids.Contains(d.From) && ids.Contains(d.To) && d.From != d.To)
            .Distinct()
            .Select(d => new Edge<string>(d.From, d.To))
            .ToList();
        graph.AddEdgeRange(edges);

        var sizes = steps.ToDictionary(s => s.Id, _ => new Size(BoxWidth, BoxHeight), StringComparer.Ordinal);
        var algorithm = new SugiyamaLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(
            graph,
            sizes,
            new SugiyamaLayoutParameters
            {
                Direction = LayoutDirection.LeftToRight,
                LayerGap = 56,
                SliceGap = 18,
                EdgeRouting = SugiyamaEdgeRouting.Traditional,
            });
        algorithm.Compute();

        // GraphShape gives box centres; shift everything so the drawing starts at the margin.
        var centers = algorithm.VerticesPositions;
        var minX = centers.Values.Min(p => p.X) - (BoxWidth / 2);
        var minY = centers.Values.Min(p => p.Y) - (BoxHeight / 2);
        double Dx(double x) => x - minX + Margin;
        var compress = CompressGaps(
            centers.Values.Select(c => (c.Y - (BoxHeight / 2), c.Y + (BoxHeight / 2)))
                .Concat(algorithm.EdgeRoutes.Values.Where(r => r is not null).SelectMany(r => r).Select(p => (p.Y, p.Y))));
        double Dy(double y) => compress(y) - minY + Margin;

        var boxes = steps.Select(s => new DagBox(s, Dx(centers[s.Id].X) - (BoxWidth / 2), Dy(centers[s.Id].Y) - (BoxHeight / 2), BoxWidth, BoxHeight)).ToList();
        var byId = boxes.ToDictionary(b => b.Step.Id, StringComparer.Ordinal);
        var arrows = edges.Select(e =>
        {
            var bends = algorithm.EdgeRoutes.TryGetValue(e, out var route) && route is not null
                ? route.Select(p => (Dx(p.X), Dy(p.Y)))
                : [];
            return new DagArrow(e.Source, e.Target, PathOf(byId[e.Source], bends, byId[e.Target]));
        }).ToList();

        var width = boxes.Max(b => b.X + b.Width) + Margin;
        var height = boxes.Max(b => b.Y + b.Height) + Margin;
        return new DagDrawing(boxes, arrows, width, height);
    }

    /// <summary>
    /// GraphShape parks vertices without edges (and separate components) far below the rest; this maps y so
    /// that no empty band between occupied spans is taller than <see cref="MaxGap"/>, keeping the drawing compact.
    /// </summary>
    private static Func<double, double> CompressGaps(IEnumerable<(double Top, double Bottom)> spans)
    {
        var cuts = new List<(double From, double Shift)>();
        var shift = 0.0;
        double? bottom = null;
        foreach (var (top, end) in spans.OrderBy(s => s.Top))
        {
            if (bottom is { } b && top - b > MaxGap)
            {
                shift += top - b - MaxGap;
                cuts.Add((top, shift));
            }

            bottom = bottom is null ? end : Math.Max(bottom.Value, end);
        }

        return y => y - cuts.LastOrDefault(c => c.From <= y).Shift;
    }

    /// <summary>An SVG path from the right side of <paramref name="from"/> through the bends to the left side of <paramref name="to"/>.</summary>
    private static string PathOf(DagBox from, IEnumerable<(double X, double Y)> bends, DagBox to)
    {
        var path = new StringBuilder();
        path.Append(CultureInfo.InvariantCulture, $"M{N(from.X + from.Width)},{N(from.CenterY)}");
        foreach (var (x, y) in bends)
        {
            path.Append(CultureInfo.InvariantCulture, $" L{N(x)},{N(y)}");
        }

        path.Append(CultureInfo.InvariantCulture, $" L{N(to.X)},{N(to.CenterY)}");
        return path.ToString();
    }

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
