using System.Text.Json.Serialization;

namespace Cairn.Training.Bundles;

/// <summary>What kind of model a bundle holds, and so which file: model.zip, model.onnx or baseline.json.</summary>
public enum ModelFlavor
{
    [JsonStringEnumMemberName("mlnet")]
    MlNet,

    [JsonStringEnumMemberName("onnx")]
    Onnx,

    [JsonStringEnumMemberName("baseline")]
    Baseline,
}
