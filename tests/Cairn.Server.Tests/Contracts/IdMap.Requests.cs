using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.Contracts;

/// <summary>Rewriting recorded requests (path, query string, JSON body) with the ids our server assigned.</summary>
public sealed partial class IdMap
{
    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string MapPathAndQuery(string pathAndQuery)
    {
        var mapped = MapUniqueIds(pathAndQuery);
        var parts = mapped.Split('?', 2);
        var path = MapArtifactPath(parts[0]);
        var isArtifactListing = parts[0] == RecordedExchange.ArtifactsPrefix;
        return parts.Length == 1 ? path : path + "?" + MapQuery(parts[1], isArtifactListing);
    }

    /// <summary>Maps a JSON request body; a body that is not JSON is returned as it is.</summary>
    public string MapJsonBody(string body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        return node is null ? body : MapNode(node, parentName: null)!.ToJsonString(BodyOptions);
    }

    private JsonNode? MapNode(JsonNode? node, string? parentName)
    {
        switch (node)
        {
            case JsonObject obj:
                var name = Text(obj["name"]);
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[key];
                    obj[key] = key switch
                    {
                        "experiment_id" when Text(value) is { } id => JsonValue.Create(MapExperiment(id)),
                        "version" when Text(value) is { } version => JsonValue.Create(MapVersion(name, version)),
                        _ => MapNode(value?.DeepClone(), key),
                    };
                }

                return obj;
            case JsonArray array:
                var items = array.Select(item => parentName == "experiment_ids" && Text(item) is { } id
                    ? JsonValue.Create(MapExperiment(id))
                    : MapNode(item?.DeepClone(), parentName)).ToArray();
                return new JsonArray(items);
            case JsonValue value when Text(value) is { } text:
                return JsonValue.Create(MapString(text));
            default:
                return node;
        }
    }

    /// <summary>/api/2.0/mlflow-artifacts/artifacts/&lt;experiment&gt;/... : the first segment is an experiment id.</summary>
    private string MapArtifactPath(string path)
    {
        var prefix = RecordedExchange.ArtifactsPrefix + "/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return path;
        }

        return prefix + MapFirstSegment(path[prefix.Length..]);
    }

    private string MapFirstSegment(string relative)
    {
        var cut = relative.IndexOf('/', StringComparison.Ordinal);
        return cut < 0 ? MapExperiment(relative) : MapExperiment(relative[..cut]) + relative[cut..];
    }

    /// <summary>Maps experiment_id(s), version (per name) and, for the artifact listing, the experiment segment of path.</summary>
    private string MapQuery(string query, bool isArtifactListing)
    {
        var pairs = query.Split('&');
        var name = pairs.Select(Split).FirstOrDefault(p => p.Key == "name").Value is { } rawName ? Decode(rawName) : null;
        for (var i = 0; i < pairs.Length; i++)
        {
            var (key, raw) = Split(pairs[i]);
            if (raw is null)
            {
                continue;
            }

            var mapped = key switch
            {
                "experiment_id" or "experiment_ids" => Uri.EscapeDataString(MapExperiment(Decode(raw))),
                "version" => Uri.EscapeDataString(MapVersion(name, Decode(raw))),
                "path" when isArtifactListing => Uri.EscapeDataString(MapFirstSegment(Decode(raw))),
                _ => raw,
            };
            pairs[i] = key + "=" + mapped;
        }

        return string.Join('&', pairs);
    }

    private static (string Key, string? Value) Split(string pair)
    {
        var cut = pair.IndexOf('=', StringComparison.Ordinal);
        return cut < 0 ? (pair, null) : (pair[..cut], pair[(cut + 1)..]);
    }

    private static string Decode(string raw) => Uri.UnescapeDataString(raw.Replace('+', ' '));
}
