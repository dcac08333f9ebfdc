namespace Cairn.Pipelines.Steps;

/// <summary>Types a <c>with:</c> value may have.</summary>
public enum ConfigType
{
    Any,
    String,
    Integer,
    Number,
    Boolean,
    StringList,
    StringMap,
    List,
    Map,
}

/// <summary>One key of a step's configuration.</summary>
public sealed record ConfigField(string Name, ConfigType Type, bool Required = false, string? Description = null);

/// <summary>The configuration a step kind accepts; unknown keys are errors unless allowed.</summary>
public sealed record StepConfigSchema(IReadOnlyList<ConfigField> Fields, bool AllowUnknownKeys = false)
{
    public static StepConfigSchema Empty { get; } = new([]);

    public ConfigField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
