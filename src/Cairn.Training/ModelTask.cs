using System.Text.Json.Serialization;

namespace Cairn.Training;

/// <summary>What a model predicts.</summary>
public enum ModelTask
{
    /// <summary>Two classes; the second class label is the positive one.</summary>
    [JsonStringEnumMemberName("binary")]
    BinaryClassification,

    /// <summary>Three or more classes.</summary>
    [JsonStringEnumMemberName("multiclass")]
    MulticlassClassification,

    /// <summary>A real number.</summary>
    [JsonStringEnumMemberName("regression")]
    Regression,
}
