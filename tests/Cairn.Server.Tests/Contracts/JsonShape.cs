using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.Contracts;

/// <summary>
/// Compares the shape of a response with the recorded one, the way the MLflow client reads it: every field
/// present in the recording must be present in ours with the same JSON type, recursively. Values (ids,
/// timestamps, generated names) may differ and extra fields are fine. Array elements are compared by
/// shape: each recorded element must have a counterpart of the same shape among ours.
/// </summary>
public static class JsonShape
{
    /// <summary>The differences, one readable line each ("$.run.info.run_name: missing (recorded string)"); empty when compatible.</summary>
    public static IReadOnlyList<string> Compare(JsonNode? recorded, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(recorded, actual, "$", differences);
        return differences;
    }

    public static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var other => other.ToString()!.ToLowerInvariant(),
    };

    private static void Compare(JsonNode? recorded, JsonNode? actual, string path, List<string> differences)
    {
        var expectedKind = KindOf(recorded);
        if (expectedKind == "null")
        {
            return; // proto JSON never sends null on purpose; nothing to check
        }

        var actualKind = KindOf(actual);
        if (expectedKind != actualKind)
        {
            differences.Add($"{path}: expected {expectedKind}, got {actualKind} ({Excerpt(actual)})");
            return;
        }

        switch (recorded)
        {
            case JsonObject expectedObject:
                var actualObject = actual!.AsObject();
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        differences.Add($"{path}.{name}: missing (recorded {KindOf(value)} {Excerpt(value)})");
                    }
                    else
                    {
                        Compare(value, actualValue, $"{path}.{name}", differences);
                    }
                }

                break;
            case JsonArray expectedArray:
                CompareArrays(expectedArray, actual!.AsArray(), path, differences);
                break;
        }
    }

    private static void CompareArrays(JsonArray recorded, JsonArray actual, string path, List<string> differences)
    {
        if (recorded.Count > 0 && actual.Count == 0)
        {
            differences.Add($"{path}: recorded {recorded.Count} element(s) {Excerpt(recorded)}, got an empty array");
            return;
        }

        for (var i = 0; i < recorded.Count; i++)
        {
            // Heterogeneous arrays are normal (a directory entry has no file_size): any compatible element will do.
            List<string>? best = null;
            foreach (var candidate in Candidates(actual, i))
            {
                var found = new List<string>();
                Compare(recorded[i], candidate.Node, $"{path}[{candidate.Index}]", found);
                if (found.Count == 0)
                {
                    best = found;
                    break;
                }

                if (best is null || found.Count < best.Count)
                {
                    best = found;
                }
            }

            if (best is { Count: > 0 })
            {
                differences.Add($"{path}[{i}]: no element of ours has the recorded shape; closest differences:");
                differences.AddRange(best.Select(d => "    " + d));
            }
        }
    }

    /// <summary>The element at the same index first, so a diff points at the obvious counterpart.</summary>
    private static IEnumerable<(int Index, JsonNode? Node)> Candidates(JsonArray actual, int index)
    {
        if (index < actual.Count)
        {
            yield return (index, actual[index]);
        }

        for (var j = 0; j < actual.Count; j++)
        {
            if (j != index)
            {
                yield return (j, actual[j]);
            }
        }
    }

    public static string Excerpt(JsonNode? node, int max = 120)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > max ? text[..max] + "…" : text;
    }
}
