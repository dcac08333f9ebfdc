using System.Text;

namespace Cairn.Serving.Inference;

/// <summary>One named input a request must provide, with its UTF-8 name for allocation-free matching.</summary>
public sealed class Feature
{
    public Feature(string name, FeatureKind kind, bool nullable, string signatureType)
    {
        Name = name;
        Kind = kind;
        Nullable = nullable;
        SignatureType = signatureType;
        Utf8Name = Encoding.UTF8.GetBytes(name);
    }

    public string Name { get; }

    public FeatureKind Kind { get; }

    /// <summary>Whether null (a missing value) is accepted.</summary>
    public bool Nullable { get; }

    /// <summary>The type in the model signature (numeric, categorical, tensor(float), ...), for messages and metadata.</summary>
    public string SignatureType { get; }

    public byte[] Utf8Name { get; }

    /// <summary>The OIP datatype this feature is described with in model metadata.</summary>
    public string OipDatatype => Kind switch
    {
        FeatureKind.Number => SignatureType switch
        {
            "tensor(float)" => "FP32",
            "tensor(int32)" => "INT32",
            "tensor(int64)" => "INT64",
            _ => "FP64",
        },
        FeatureKind.Boolean => "BOOL",
        _ => "BYTES",
    };

    /// <summary>What the feature accepts, for error messages.</summary>
    public string Expected => Kind switch
    {
        FeatureKind.Number => "a number",
        FeatureKind.Boolean => "a boolean",
        FeatureKind.String => "a string",
        _ => "an ISO 8601 date string",
    };
}
