namespace Cairn.Core.Search;

/// <summary>Comparison operators of MLflow's filter grammar.</summary>
public enum Comparator
{
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Like,
    ILike,
    In,
    NotIn,
    IsNull,
    IsNotNull,
}
