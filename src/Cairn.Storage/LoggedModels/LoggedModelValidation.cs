using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.LoggedModels;

namespace Cairn.Storage.LoggedModels;

/// <summary>Input rules for logged models (MLflow's validation.py), checked before anything is written.</summary>
internal static class LoggedModelValidation
{
    // MLflow refuses these because the name becomes part of model URIs and artifact paths.
    private static readonly char[] BadNameChars = ['/', ':', '.', '%', '"', '\''];

    public static void ValidateName(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return;
        }

        if (name.IndexOfAny(BadNameChars) >= 0 || name.Length > LoggedModelLimits.MaxNameLength)
        {
            throw CairnException.InvalidParameter(
                $"Invalid value '{name}' for parameter 'name': a logged model name must be at most {LoggedModelLimits.MaxNameLength} " +
                "characters and cannot contain any of / : . % \" '.");
        }
    }

    public static void ValidateModelType(string? modelType)
    {
        if (modelType is { Length: > LoggedModelLimits.MaxNameLength })
        {
            throw CairnException.InvalidParameter(
                $"Invalid value for parameter 'model_type': it must be at most {LoggedModelLimits.MaxNameLength} characters.");
        }
    }

    public static void ValidateEntries(IReadOnlyList<KeyValue> entries, string field, int maxValueLength, bool rejectDuplicates)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (string.IsNullOrEmpty(entry.Key))
            {
                throw CairnException.InvalidParameter($"Invalid value for parameter '{field}': every entry needs a non-empty 'key'.");
            }

            if (entry.Key.Length > LoggedModelLimits.MaxKeyLength)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid value for parameter '{field}': key '{entry.Key[..32]}...' is longer than {LoggedModelLimits.MaxKeyLength} characters.");
            }

            if (entry.Value.Length > maxValueLength)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid value for parameter '{field}': the value of '{entry.Key}' is longer than {maxValueLength} characters.");
            }

            if (!seen.Add(entry.Key) && rejectDuplicates)
            {
                throw CairnException.InvalidParameter($"Invalid value for parameter '{field}': duplicate key '{entry.Key}'.");
            }
        }
    }
}
