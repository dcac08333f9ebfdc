namespace Cairn.Core.Tracking;

/// <summary>Which lifecycle stages a search returns.</summary>
public enum ViewType
{
    ActiveOnly = 1,
    DeletedOnly = 2,
    All = 3,
}
