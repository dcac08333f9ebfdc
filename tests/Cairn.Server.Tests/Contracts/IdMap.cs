using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cairn.Server.Tests.Contracts;

/// <summary>
/// Maps ids the recorded server assigned to the ids our server assigned, learned by walking each recorded
/// response next to ours, and rewrites later requests with them. Run ids (32 hex) and logged-model ids
/// (m-&lt;32 hex&gt;) are unique strings, so they are replaced wherever they occur. Experiment ids are small
/// numbers ("1"), so they are replaced only where they are experiment ids: experiment_id(s) fields and
/// parameters, the first segment of an artifact path, and mlflow-artifacts:/&lt;id&gt;/ URIs. Model versions
/// are mapped per registered model name. The first mapping learned for an id wins.
/// </summary>
public sealed partial class IdMap
{
    private static readonly HashSet<string> RunIdFields = new(StringComparer.Ordinal) { "run_id", "run_uuid", "source_run_id" };

    private readonly Dictionary<string, string> _uniqueIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _experiments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Version), string> _versions = new();

    public IReadOnlyDictionary<string, string> UniqueIds => _uniqueIds;

    public IReadOnlyDictionary<string, string> Experiments => _experiments;

    public string MapExperiment(string id) => _experiments.GetValueOrDefault(id, id);

    public string MapVersion(string? name, string version) =>
        name is not null && _versions.TryGetValue((name, version), out var ours) ? ours : version;

    /// <summary>Replaces every known run id and logged-model id in free text (paths, filters, URIs).</summary>
    public string MapUniqueIds(string text)
    {
        foreach (var (recorded, ours) in _uniqueIds)
        {
            text = text.Replace(recorded, ours, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Maps ids inside an mlflow-artifacts:/&lt;experiment&gt;/... URI (or any string holding one).</summary>
    public string MapString(string text)
    {
        text = MapUniqueIds(text);
        return ArtifactUri().Replace(text, m => m.Groups[1].Value + MapExperiment(m.Groups[2].Value));
    }

    /// <summary>Learns from a recorded response and ours (both parsed); call only when both succeeded.</summary>
    public void Learn(JsonNode? recorded, JsonNode? actual)
    {
        switch (recorded)
        {
            case JsonObject expected when actual is JsonObject ours:
                LearnObject(expected, ours);
                break;
            case JsonArray expected when actual is JsonArray ours:
                for (var i = 0; i < Math.Min(expected.Count, ours.Count); i++)
                {
                    Learn(expected[i], ours[i]);
                }

                break;
        }
    }

    private void LearnObject(JsonObject expected, JsonObject ours)
    {
        foreach (var (name, value) in expected)
        {
            if (!ours.TryGetPropertyValue(name, out var actual))
            {
                continue;
            }

            if (Text(value) is { } recordedText && Text(actual) is { } ourText)
            {
                if (name == "experiment_id")
                {
                    _experiments.TryAdd(recordedText, ourText);
                }
                else if (RunIdFields.Contains(name) || name == "model_id")
                {
                    if (recordedText.Length > 0 && ourText.Length > 0)
                    {
                        _uniqueIds.TryAdd(recordedText, ourText);
                    }
                }
            }
            else
            {
                Learn(value, actual);
            }
        }

        if (Text(expected["name"]) is { } modelName && Text(expected["version"]) is { } recordedVersion && Text(ours["version"]) is { } ourVersion)
        {
            _versions.TryAdd((modelName, recordedVersion), ourVersion);
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"(mlflow-artifacts:/)(\d+)(?=/|$)")]
    private static partial Regex ArtifactUri();
}
