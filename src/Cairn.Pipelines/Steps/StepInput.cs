using Cairn.Core.Pipelines;

namespace Cairn.Pipelines.Steps;

/// <summary>An input of a step: an output artifact of an upstream step, named <c>step.slot</c>.</summary>
public sealed record StepInput(string Step, string Slot, LineageArtifact Artifact)
{
    public string Name => Step + "." + Slot;
}

/// <summary>
/// An output a step declares: a file or directory under its output directory. <paramref name="KeepOnFailure"/>
/// marks a report that is published even when the attempt fails (so people can read why), as an output of
/// the FAILED execution: never a cache hit and never an input of a downstream step.
/// </summary>
public sealed record StepOutput(string Slot, string LocalPath, string Type, string? PropertiesJson, bool KeepOnFailure = false);
