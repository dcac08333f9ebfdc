using Cairn.Core.Serving;

namespace Cairn.Inference.Tests.Support;

/// <summary>Deployment builders for tests.</summary>
public static class Deployments
{
    public static Deployment Single(string name, string model, long version, string? stickyKey = null) => new()
    {
        Name = name,
        StickyKey = stickyKey,
        Variants = [new DeploymentVariant { Name = "main", Model = model, Version = version, Weight = 100 }],
    };

    public static Deployment Split(string name, string model, long a, int weightA, long b, int weightB, string? stickyKey = null, long? shadow = null) => new()
    {
        Name = name,
        StickyKey = stickyKey,
        Variants =
        [
            new DeploymentVariant { Name = "a", Model = model, Version = a, Weight = weightA },
            new DeploymentVariant { Name = "b", Model = model, Version = b, Weight = weightB },
            .. shadow is { } s ? new[] { new DeploymentVariant { Name = "shadow", Model = model, Version = s, Mode = VariantMode.Shadow } } : [],
        ],
    };
}
