namespace Cairn.Data.Reading;

/// <summary>Where one cell's UTF-8 bytes are inside a record buffer.</summary>
internal readonly record struct FieldSpan(int Start, int Length);
