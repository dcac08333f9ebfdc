namespace Cairn.Core.Serving;

/// <summary>Live variants answer requests; shadow variants score a copy whose answer is logged, never returned.</summary>
public enum VariantMode
{
    Live,
    Shadow,
}
