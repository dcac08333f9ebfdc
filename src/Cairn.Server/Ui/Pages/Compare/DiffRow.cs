namespace Cairn.Server.Ui.Pages.Compare;

/// <summary>One row of the compare page's diff table: a param, metric or tag and its value in each run (null: absent).</summary>
public sealed record DiffRow(string Section, string Key, IReadOnlyList<string?> Values, bool Differs);
