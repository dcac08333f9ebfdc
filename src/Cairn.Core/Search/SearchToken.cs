namespace Cairn.Core.Search;

internal enum SearchTokenKind
{
    /// <summary><c>name</c>, <c>metrics.acc</c>, <c>tags.`a b`</c>, <c>"x"</c>: dot-joined parts, each bare or quoted.</summary>
    Identifier,

    /// <summary>A single-quoted string literal, already unescaped.</summary>
    String,
    Number,

    /// <summary><c>= == != &lt;&gt; &lt; &lt;= &gt; &gt;=</c>.</summary>
    Operator,

    /// <summary>A reserved bare word (AND, OR, NOT, IN, IS, NULL, LIKE, ILIKE, ASC, DESC), upper-cased in <see cref="SearchToken.Text"/>.</summary>
    Keyword,
    OpenParen,
    CloseParen,
    Comma,

    /// <summary>Anything the grammar has no place for (<c>;</c>, <c>*</c>, <c>1abc</c>, ...); always an error where it appears.</summary>
    Other,
}

/// <summary>One identifier part and whether it was quoted (a quoted part may hold any character, dots included).</summary>
internal readonly record struct IdentifierPart(string Text, char Quote);

/// <summary>
/// A lexical token. <see cref="Raw"/> is the exact source text (used in error messages);
/// <see cref="Text"/> is the unescaped string value, the upper-cased keyword or the operator.
/// </summary>
internal sealed record SearchToken(SearchTokenKind Kind, string Raw, int Start)
{
    public string Text { get; init; } = Raw;

    public double Number { get; init; }

    public IReadOnlyList<IdentifierPart> Parts { get; init; } = [];

    /// <summary>A lone double-quoted part: MLflow accepts it both as a quoted key and as a string value.</summary>
    public bool IsDoubleQuotedString => Kind == SearchTokenKind.Identifier && Parts.Count == 1 && Parts[0].Quote == '"';

    public bool IsKeyword(string keyword) => Kind == SearchTokenKind.Keyword && Text == keyword;
}
