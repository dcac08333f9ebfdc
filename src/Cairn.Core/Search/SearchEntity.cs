namespace Cairn.Core.Search;

/// <summary>What the left side of a filter comparison or an order_by key refers to.</summary>
public enum SearchEntity
{
    Metric,
    Param,
    Tag,
    Attribute,
    Dataset,
}
