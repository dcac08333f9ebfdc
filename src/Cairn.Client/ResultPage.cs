namespace Cairn.Client;

/// <summary>One page of a search; pass <see cref="NextPageToken"/> back to get the next one.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="NextPageToken">The token of the next page, or null on the last page.</param>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, string? NextPageToken);
