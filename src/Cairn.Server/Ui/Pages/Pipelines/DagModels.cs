namespace Cairn.Server.Ui.Pages.Pipelines;

/// <summary>A step to draw: its id, a second line (its kind, attempt), and its display state (see <see cref="StepStates"/>).</summary>
public sealed record DagStep(string Id, string Detail, string State);

/// <summary>A dependency: <paramref name="To"/> needs <paramref name="From"/>.</summary>
public sealed record DagDependency(string From, string To);

/// <summary>A step's box in the drawing (top-left corner and size, in SVG user units).</summary>
public sealed record DagBox(DagStep Step, double X, double Y, double Width, double Height)
{
    public double CenterX => X + (Width / 2);

    public double CenterY => Y + (Height / 2);
}

/// <summary>An edge as an SVG path (<c>d</c> attribute) from the upstream box to the downstream one.</summary>
public sealed record DagArrow(string From, string To, string Path);

/// <summary>The laid-out DAG: boxes, arrows and the size of the whole drawing.</summary>
public sealed record DagDrawing(IReadOnlyList<DagBox> Boxes, IReadOnlyList<DagArrow> Arrows, double Width, double Height);
