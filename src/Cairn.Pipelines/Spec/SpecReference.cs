using System.Text.RegularExpressions;

namespace Cairn.Pipelines.Spec;

/// <summary>A <c>${...}</c> reference inside a string value of a spec.</summary>
public sealed record SpecReference(string Text, string? Param, string? Step, string? Output)
{
    public bool IsParam => Param is not null;
}

/// <summary>Finds <c>${params.x}</c> and <c>${steps.id.outputs.name}</c> references in strings.</summary>
public static partial class SpecReferences
{
    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^\s*params\.([A-Za-z_][A-Za-z0-9_\-]*)\s*$")]
    private static partial Regex ParamPattern();

    [GeneratedRegex(@"^\s*steps\.([A-Za-z_][A-Za-z0-9_\-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_\-.]*)\s*$")]
    private static partial Regex OutputPattern();

    /// <summary>References in <paramref name="text"/>; an unrecognised one has neither param nor step.</summary>
    public static IEnumerable<SpecReference> Find(string text)
    {
        foreach (Match m in ReferencePattern().Matches(text))
        {
            var inner = m.Groups[1].Value;
            if (ParamPattern().Match(inner) is { Success: true } p)
            {
                yield return new SpecReference(m.Value, p.Groups[1].Value, null, null);
            }
            else if (OutputPattern().Match(inner) is { Success: true } o)
            {
                yield return new SpecReference(m.Value, null, o.Groups[1].Value, o.Groups[2].Value);
            }
            else
            {
                yield return new SpecReference(m.Value, null, null, null);
            }
        }
    }

    /// <summary>Replaces each reference by <paramref name="replace"/>'s answer (null keeps it as written).</summary>
    public static string Replace(string text, Func<SpecReference, string?> replace) =>
        ReferencePattern().Replace(text, m => replace(Find(m.Value).First()) ?? m.Value);

    /// <summary>The single reference when the whole string is one reference (then its value keeps its type).</summary>
    public static SpecReference? Whole(string text)
    {
        var m = ReferencePattern().Match(text);
        return m.Success && m.Index == 0 && m.Length == text.Length ? Find(text).First() : null;
    }
}
