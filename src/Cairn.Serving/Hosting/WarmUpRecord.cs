using Cairn.Training.Bundles;

namespace Cairn.Serving.Hosting;

/// <summary>
/// A synthetic record that satisfies an input signature, so a model can be scored once before it takes
/// traffic (JIT, the first engine of the pool, lazy ML.NET state) without needing real data.
/// </summary>
public static class WarmUpRecord
{
    public static Dictionary<string, object?> For(IReadOnlyList<SignatureField> inputs)
    {
        var record = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            // ONNX date parts are computed from their source column: give that column a date.
            if (input.SourceColumn is { } source)
            {
                record[source] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                continue;
            }

            record[input.Name] = input.Type switch
            {
                "numeric" => 0d,
                "boolean" or "tensor(bool)" => false,
                "categorical" => input.Categories is { Count: > 0 } categories ? categories[0] : "",
                "text" or "tensor(string)" => "warm up",
                "datetime" => new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                _ => 0d,
            };
        }

        return record;
    }
}
