using System.Globalization;
using Cairn.Core.Pipelines;
using Cairn.Server.Ui.Pages.Pipelines;

namespace Cairn.Server.Tests.Ui.Pipelines;

public sealed class DagLayoutTests
{
    private static DagStep Step(string id, string state = StepStates.Succeeded) => new(id, "noop", state);

    [Fact]
    public void Chain_IsLaidOutLeftToRight_InDependencyOrder()
    {
        string[] ids = ["ingest", "validate", "split", "train", "evaluate", "register"];
        var drawing = DagLayout.Compute(ids.Select(id => Step(id)).ToList(), ids.Zip(ids.Skip(1), (a, b) => new DagDependency(a, b)).ToList());

        Assert.Equal(ids, drawing.Boxes.Select(b => b.Step.Id));
        var xs = drawing.Boxes.Select(b => b.X).ToList();
        for (var i = 1; i < xs.Count; i++)
        {
            Assert.True(xs[i] >= xs[i - 1] + DagLayout.BoxWidth, $"{ids[i]} (x={xs[i]}) is not right of {ids[i - 1]} (x={xs[i - 1]})");
        }

        Assert.Equal(ids.Length - 1, drawing.Arrows.Count);
        AssertInside(drawing);
    }

    [Fact]
    public void Diamond_PutsParallelStepsInOneLayer_WithoutOverlap()
    {
        var steps = new[] { "a", "b", "c", "d" }.Select(id => Step(id)).ToList();
        var drawing = DagLayout.Compute(steps, [new("a", "b"), new("a", "c"), new("b", "d"), new("c", "d")]);
        var box = drawing.Boxes.ToDictionary(b => b.Step.Id);

        Assert.Equal(box["b"].X, box["c"].X, 3);
        Assert.True(Math.Abs(box["b"].Y - box["c"].Y) >= DagLayout.BoxHeight, "b and c overlap");
        Assert.True(box["a"].X + DagLayout.BoxWidth <= box["b"].X);
        Assert.True(box["b"].X + DagLayout.BoxWidth <= box["d"].X);
        Assert.Equal(4, drawing.Arrows.Count);
        AssertInside(drawing);
    }

    [Fact]
    public void Arrow_RunsFromTheUpstreamRightSide_ToTheDownstreamLeftSide()
    {
        var drawing = DagLayout.Compute([Step("train"), Step("evaluate")], [new("train", "evaluate")]);
        var from = drawing.Boxes[0];
        var to = drawing.Boxes[1];
        var arrow = Assert.Single(drawing.Arrows);

        var points = arrow.Path.Split(' ').Select(p => p.TrimStart('M', 'L').Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.StartsWith("M", arrow.Path, StringComparison.Ordinal);
        Assert.Equal(from.X + from.Width, points[0][0], 1);
        Assert.Equal(from.CenterY, points[0][1], 1);
        Assert.Equal(to.X, points[^1][0], 1);
        Assert.Equal(to.CenterY, points[^1][1], 1);
        Assert.Equal(("train", "evaluate"), (arrow.From, arrow.To));
    }

    [Fact]
    public void UnknownAndSelfDependencies_AreIgnored_AndNoStepsDrawNothing()
    {
        var drawing = DagLayout.Compute([Step("only")], [new("ghost", "only"), new("only", "only")]);
        Assert.Single(drawing.Boxes);
        Assert.Empty(drawing.Arrows);
        AssertInside(drawing);

        var empty = DagLayout.Compute([], []);
        Assert.Empty(empty.Boxes);
        Assert.Equal(0, empty.Width);
    }

    [Fact]
    public void StepWithoutEdges_StaysCloseToTheRest()
    {
        var drawing = DagLayout.Compute([Step("shout"), Step("after"), Step("side")], [new("shout", "after")]);
        var box = drawing.Boxes.ToDictionary(b => b.Step.Id);

        Assert.True(Math.Abs(box["side"].Y - box["shout"].Y) <= DagLayout.BoxHeight + DagLayout.MaxGap + 0.1, $"side is {box["side"].Y - box["shout"].Y} below shout");
        Assert.True(drawing.Height <= (2 * DagLayout.BoxHeight) + DagLayout.MaxGap + (2 * DagLayout.Margin) + 0.1, $"the drawing is {drawing.Height} tall");
        AssertInside(drawing);
    }

    [Theory]
    [InlineData(ExecutionState.Complete, StepStates.Succeeded)]
    [InlineData(ExecutionState.Cached, StepStates.Cached)]
    [InlineData(ExecutionState.Running, StepStates.Running)]
    [InlineData(ExecutionState.Failed, StepStates.Failed)]
    [InlineData(ExecutionState.Canceled, StepStates.Skipped)]
    [InlineData(ExecutionState.New, StepStates.Pending)]
    [InlineData(null, StepStates.Pending)]
    public void StepState_NamesWhatTheUserSees(ExecutionState? state, string expected) => Assert.Equal(expected, StepStates.Of(state));

    private static void AssertInside(DagDrawing drawing)
    {
        foreach (var b in drawing.Boxes)
        {
            Assert.True(b.X >= 0 && b.Y >= 0 && b.X + b.Width <= drawing.Width && b.Y + b.Height <= drawing.Height, $"{b.Step.Id} is outside the drawing");
        }
    }
}
