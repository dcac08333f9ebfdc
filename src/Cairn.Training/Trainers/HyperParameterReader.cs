using System.Globalization;
using Cairn.Core.Errors;

namespace Cairn.Training.Trainers;

/// <summary>Typed, validated access to a trainer's hyperparameter map; every error names the parameter.</summary>
internal sealed class HyperParameterReader
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public HyperParameterReader(string trainer, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> allowed)
    {
        var unknown = values.Keys.Where(k => !allowed.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw CairnException.InvalidParameter(
                $"Unknown hyperparameter(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))} for trainer '{trainer}'; valid: "
                + (allowed.Count == 0 ? "(none)" : string.Join(", ", allowed)) + ".");
        }

        _values = values;
    }

    public int? Int(string name, int min = int.MinValue)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw CairnException.InvalidParameter($"Hyperparameter '{name}' must be an integer >= {min}; got '{text}'.");
    }

    public double? Double(string name, double min = double.MinValue)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && double.IsFinite(value)
            ? value
            : throw CairnException.InvalidParameter($"Hyperparameter '{name}' must be a number >= {min.ToString(CultureInfo.InvariantCulture)}; got '{text}'.");
    }

    public float? Single(string name, double min = double.MinValue) => Double(name, min) is { } value ? (float)value : null;
}
