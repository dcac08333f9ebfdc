using System.Collections.Frozen;
using Cairn.Training.Bundles;

namespace Cairn.Serving.Inference;

/// <summary>
/// The features a model needs, derived once from its input signature: tabular inputs one-to-one, ONNX
/// tensors by element type, and ONNX inputs derived from a column (date parts) collapsed into that column.
/// </summary>
public sealed class FeatureSchema
{
    private readonly FrozenDictionary<string, int> _index;

    public FeatureSchema(IReadOnlyList<Feature> features)
    {
        Features = features;
        _index = features.Select((f, i) => KeyValuePair.Create(f.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
        Names = string.Join(", ", features.Select(f => f.Name));
    }

    public IReadOnlyList<Feature> Features { get; }

    public int Count => Features.Count;

    /// <summary>The feature names joined for messages ("a, b, c").</summary>
    public string Names { get; }

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The feature whose UTF-8 name equals <paramref name="utf8"/> (a linear scan: feature lists are short and this allocates nothing).</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8)
    {
        var features = Features;
        for (var i = 0; i < features.Count; i++)
        {
            if (utf8.SequenceEqual(features[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    public static FeatureSchema From(BundleManifest manifest)
    {
        var features = new List<Feature>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in manifest.Inputs)
        {
            if (input.SourceColumn is { } source)
            {
                if (seen.Add(source))
                {
                    features.Add(new Feature(source, FeatureKind.DateTime, input.Nullable, "datetime"));
                }

                continue;
            }

            if (seen.Add(input.Name))
            {
                features.Add(new Feature(input.Name, KindOf(input.Type), input.Nullable, input.Type));
            }
        }

        return new FeatureSchema(features);
    }

    private static FeatureKind KindOf(string type) => type switch
    {
        "numeric" => FeatureKind.Number,
        "boolean" or "tensor(bool)" => FeatureKind.Boolean,
        "datetime" => FeatureKind.DateTime,
        "categorical" or "text" or "tensor(string)" => FeatureKind.String,
        _ => FeatureKind.Number, // tensor(float), tensor(double), tensor(int64), ...
    };
}
