using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Cairn.Core.Errors;

namespace Cairn.Server.Mlflow;

/// <summary>
/// Reads an MLflow request message into its DTO: from the query string for GET (one key per field,
/// repeated keys for lists, as the MLflow client sends them), from the JSON body otherwise. Query
/// values are mapped onto the DTO's own JSON metadata, so both paths validate types the same way.
/// </summary>
public static class MlflowRequest
{
    public static async ValueTask<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || (request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return FromQuery(request.Query, typeInfo);
        }

        if (!IsJson(request.ContentType))
        {
            throw new CairnException(ErrorCode.InvalidParameterValue, "Content-Type must be one of ['application/json']");
        }

        var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, context.RequestAborted);
        return value ?? throw new CairnException(ErrorCode.InvalidParameterValue, "The request body must be a JSON object, not null.");
    }

    /// <summary>Returns the value or throws MLflow's "Missing value for required parameter" error.</summary>
    public static TValue Required<TValue>(TValue? value, string field)
        where TValue : class =>
        value is string { Length: 0 } || value is null ? throw CairnException.MissingParameter(field) : value;

    /// <summary>Returns the value or throws MLflow's "Missing value for required parameter" error.</summary>
    public static TValue Required<TValue>(TValue? value, string field)
        where TValue : struct =>
        value ?? throw CairnException.MissingParameter(field);

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    private static T FromQuery<T>(IQueryCollection query, JsonTypeInfo<T> typeInfo)
    {
        var json = new JsonObject();
        foreach (var property in typeInfo.Properties)
        {
            if (!query.TryGetValue(property.Name, out var values) || values.Count == 0)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            {
                var array = new JsonArray();
                foreach (var v in values)
                {
                    array.Add(JsonValue.Create(v));
                }

                json[property.Name] = array;
            }
            else if (type == typeof(bool))
            {
                json[property.Name] = bool.TryParse(values[^1], out var b)
                    ? JsonValue.Create(b)
                    : throw CairnException.InvalidParameter($"Invalid value '{values[^1]}' for parameter '{property.Name}': expected true or false.");
            }
            else
            {
                json[property.Name] = JsonValue.Create(values[^1]);
            }
        }

        return json.Deserialize(typeInfo)!;
    }
}
