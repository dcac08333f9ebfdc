namespace Cairn.Serving.Inference;

/// <summary>What a request must send for one feature (the model's input signature, simplified for the wire).</summary>
public enum FeatureKind
{
    /// <summary>A number: OIP FP32/FP64/INT*/UINT*, a JSON number in records.</summary>
    Number,

    /// <summary>true/false: OIP BOOL, a JSON boolean in records.</summary>
    Boolean,

    /// <summary>A string (categorical or text): OIP BYTES, a JSON string in records.</summary>
    String,

    /// <summary>A date or date-time as an ISO 8601 string: OIP BYTES, a JSON string in records.</summary>
    DateTime,
}
