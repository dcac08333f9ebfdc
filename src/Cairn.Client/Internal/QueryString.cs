using System.Globalization;
using System.Text;

namespace Cairn.Client.Internal;

/// <summary>Builds MLflow GET query strings: one key per field, repeated keys for lists, unset fields left out.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _text = new();

    public QueryString Add(string key, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string key, long? value) =>
        value is null ? this : Add(key, value.Value.ToString(CultureInfo.InvariantCulture));

    public QueryString AddEach(string key, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            Add(key, value);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
