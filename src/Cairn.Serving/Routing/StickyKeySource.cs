namespace Cairn.Serving.Routing;

/// <summary>Where a deployment's sticky key comes from: a request header or a field of the (first) record.</summary>
public sealed record StickyKeySource(StickyKeyKind Kind, string Name)
{
    /// <summary>Parses <c>header:X-User-Id</c> or <c>field:user_id</c>; null or anything else means no sticky key.</summary>
    public static StickyKeySource? Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return null;
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == spec.Length - 1)
        {
            return null;
        }

        var name = spec[(colon + 1)..].Trim();
        return spec[..colon].Trim().ToLowerInvariant() switch
        {
            "header" => new StickyKeySource(StickyKeyKind.Header, name),
            "field" => new StickyKeySource(StickyKeyKind.Field, name),
            _ => null,
        };
    }
}

public enum StickyKeyKind
{
    Header,
    Field,
}
