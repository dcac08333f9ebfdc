namespace Cairn.Core.Registry;

/// <summary>A named pointer (<c>champion</c>, <c>candidate</c>, ...) at one version of a registered model.</summary>
public sealed record RegisteredModelAlias(string Alias, long Version);
