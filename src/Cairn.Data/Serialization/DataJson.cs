using System.Text.Json;
using Cairn.Core.Errors;
using Cairn.Data.Profiling;
using Cairn.Data.Tables;
using Cairn.Data.Validation;

namespace Cairn.Data.Serialization;

/// <summary>Serialises the data records; bad input becomes INVALID_PARAMETER_VALUE naming the field.</summary>
public static class DataJson
{
    public static string Serialize(DatasetSchema schema) => JsonSerializer.Serialize(schema, DataJsonContext.Default.DatasetSchema);

    public static string Serialize(DatasetProfile profile) => JsonSerializer.Serialize(profile, DataJsonContext.Default.DatasetProfile);

    public static string Serialize(ValidationReport report) => JsonSerializer.Serialize(report, DataJsonContext.Default.ValidationReport);

    public static DatasetSchema ParseSchema(string json) =>
        Parse(() => JsonSerializer.Deserialize(json, DataJsonContext.Default.DatasetSchema), "schema");

    public static DatasetProfile ParseProfile(string json) =>
        Parse(() => JsonSerializer.Deserialize(json, DataJsonContext.Default.DatasetProfile), "profile");

    /// <summary>Reads a validation schema (a stored dataset schema is one too) and checks that it makes sense.</summary>
    public static ValidationSchema ParseValidationSchema(string json)
    {
        var schema = Parse(() => JsonSerializer.Deserialize(json, DataJsonContext.Default.ValidationSchema), "schema");
        return ValidateSchema(schema);
    }

    public static async Task<ValidationSchema> ParseValidationSchemaAsync(Stream json, CancellationToken cancellationToken)
    {
        ValidationSchema? schema;
        try
        {
            schema = await JsonSerializer.DeserializeAsync(json, DataJsonContext.Default.ValidationSchema, cancellationToken);
        }
        catch (JsonException e)
        {
            throw Invalid("schema", e);
        }

        return ValidateSchema(schema ?? throw CairnException.InvalidParameter("Invalid value for parameter 'schema': null."));
    }

    private static ValidationSchema ValidateSchema(ValidationSchema schema)
    {
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            var column = schema.Columns[i];
            if (string.IsNullOrEmpty(column?.Name))
            {
                throw CairnException.InvalidParameter($"Invalid value for parameter 'columns[{i}].name': a column needs a name.");
            }

            if (column.MaxMissingRate is < 0 or > 1)
            {
                throw CairnException.InvalidParameter($"Invalid value for parameter 'columns[{i}].max_missing_rate': it must be between 0 and 1.");
            }

            if (column.Min > column.Max)
            {
                throw CairnException.InvalidParameter($"Invalid value for parameter 'columns[{i}].min': it is greater than max.");
            }
        }

        var duplicate = schema.Columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter 'columns': column '{duplicate.Key}' appears twice.");
        }

        if (schema.MinRows > schema.MaxRows || schema.MinRows < 0)
        {
            throw CairnException.InvalidParameter("Invalid value for parameter 'min_rows': it must be between 0 and max_rows.");
        }

        return schema;
    }

    private static T Parse<T>(Func<T?> parse, string field)
        where T : class
    {
        try
        {
            return parse() ?? throw CairnException.InvalidParameter($"Invalid value for parameter '{field}': null.");
        }
        catch (JsonException e)
        {
            throw Invalid(field, e);
        }
    }

    private static CairnException Invalid(string field, JsonException e)
    {
        var path = e.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : field;
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return CairnException.InvalidParameter($"Invalid value for parameter '{path}': {(cut > 0 ? message[..cut] : message)}");
    }
}
