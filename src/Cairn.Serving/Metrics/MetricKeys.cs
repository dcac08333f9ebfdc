namespace Cairn.Serving.Metrics;

/// <summary>The label set of one request series; a struct so looking a series up allocates nothing.</summary>
internal readonly record struct RequestKey(string Deployment, string Variant, string Protocol, int Code);

/// <summary>The label set of one shadow series.</summary>
internal readonly record struct ShadowKey(string Deployment, string Variant, bool Succeeded);

/// <summary>A model version.</summary>
internal readonly record struct ModelKey(string Model, long Version);
