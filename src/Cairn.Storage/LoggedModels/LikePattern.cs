using System.Text;
using System.Text.RegularExpressions;

namespace Cairn.Storage.LoggedModels;

/// <summary>SQL LIKE for in-memory matching: <c>%</c> is any run of characters, <c>_</c> one character.</summary>
internal static class LikePattern
{
    public static Regex ToRegex(string pattern, bool ignoreCase)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        regex.Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(regex.ToString(), options, TimeSpan.FromSeconds(1));
    }
}
