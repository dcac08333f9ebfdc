namespace Cairn.Training.Views;

/// <summary>The ML.NET type a view column has: Single, text, Boolean or a UInt32 key.</summary>
internal enum ViewKind
{
    Float,
    Text,
    Bool,
    Key,
}
