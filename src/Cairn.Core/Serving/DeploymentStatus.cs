namespace Cairn.Core.Serving;

/// <summary>A paused deployment keeps its variants loaded but answers 503 until resumed.</summary>
public enum DeploymentStatus
{
    Active,
    Paused,
}
