namespace Cairn.Training.Views;

/// <summary>
/// One column of the ML.NET view: its name, kind, the table column it reads and, for date parts,
/// which part. <see cref="Slot"/> indexes the frame's array of that kind.
/// </summary>
internal sealed record ViewColumn(string Name, ViewKind Kind, string SourceColumn, int Slot)
{
    public DatePart? Part { get; init; }

    /// <summary>For key columns: the class labels, key k+1 = label k.</summary>
    public IReadOnlyList<string>? KeyValues { get; init; }
}
