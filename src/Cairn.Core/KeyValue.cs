namespace Cairn.Core;

/// <summary>A key and a string value: params and tags of every entity.</summary>
public sealed record KeyValue(string Key, string Value);
