namespace Cairn.Core.Tracking;

/// <summary>Soft-delete state of experiments and runs, spelled as MLflow spells it on the wire.</summary>
public static class LifecycleStage
{
    public const string Active = "active";
    public const string Deleted = "deleted";
}
