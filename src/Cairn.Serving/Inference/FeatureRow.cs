using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Cairn.Serving.Inference;

/// <summary>One row of a <see cref="FeatureBatch"/> as a dictionary (feature name → value) without copying it.</summary>
internal sealed class FeatureRow(FeatureBatch batch, int row) : IReadOnlyDictionary<string, object?>
{
    public int Count => batch.Schema.Count;

    public IEnumerable<string> Keys => batch.Schema.Features.Select(f => f.Name);

    public IEnumerable<object?> Values => Enumerable.Range(0, Count).Select(i => batch.Value(i, row));

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => batch.Schema.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var i = batch.Schema.IndexOf(key);
        value = i < 0 ? null : batch.Value(i, row);
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return KeyValuePair.Create(batch.Schema.Features[i].Name, batch.Value(i, row));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
