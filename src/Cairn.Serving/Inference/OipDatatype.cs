namespace Cairn.Serving.Inference;

/// <summary>The OIP tensor datatypes (and which of them Cairn's tabular features accept).</summary>
public enum OipDatatype
{
    Bool,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Int8,
    Int16,
    Int32,
    Int64,
    Fp16,
    Bf16,
    Fp32,
    Fp64,
    Bytes,
}

public static class OipDatatypes
{
    public const string All = "BOOL, UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64, FP16, BF16, FP32, FP64, BYTES";

    public static bool TryParse(ReadOnlySpan<byte> utf8, out OipDatatype datatype)
    {
        datatype = utf8 switch
        {
            _ when utf8.SequenceEqual("FP64"u8) => OipDatatype.Fp64,
            _ when utf8.SequenceEqual("FP32"u8) => OipDatatype.Fp32,
            _ when utf8.SequenceEqual("BYTES"u8) => OipDatatype.Bytes,
            _ when utf8.SequenceEqual("INT64"u8) => OipDatatype.Int64,
            _ when utf8.SequenceEqual("INT32"u8) => OipDatatype.Int32,
            _ when utf8.SequenceEqual("BOOL"u8) => OipDatatype.Bool,
            _ when utf8.SequenceEqual("INT16"u8) => OipDatatype.Int16,
            _ when utf8.SequenceEqual("INT8"u8) => OipDatatype.Int8,
            _ when utf8.SequenceEqual("UINT8"u8) => OipDatatype.UInt8,
            _ when utf8.SequenceEqual("UINT16"u8) => OipDatatype.UInt16,
            _ when utf8.SequenceEqual("UINT32"u8) => OipDatatype.UInt32,
            _ when utf8.SequenceEqual("UINT64"u8) => OipDatatype.UInt64,
            _ when utf8.SequenceEqual("FP16"u8) => OipDatatype.Fp16,
            _ when utf8.SequenceEqual("BF16"u8) => OipDatatype.Bf16,
            _ => (OipDatatype)(-1),
        };
        return (int)datatype >= 0;
    }

    public static string Name(OipDatatype datatype) => datatype switch
    {
        OipDatatype.Fp16 => "FP16",
        OipDatatype.Bf16 => "BF16",
        OipDatatype.Fp32 => "FP32",
        OipDatatype.Fp64 => "FP64",
        _ => datatype.ToString().ToUpperInvariant(),
    };

    public static bool IsInteger(OipDatatype datatype) => datatype is >= OipDatatype.UInt8 and <= OipDatatype.Int64;

    /// <summary>Whether a feature of <paramref name="kind"/> can be sent as <paramref name="datatype"/>.</summary>
    public static bool Accepts(FeatureKind kind, OipDatatype datatype) => kind switch
    {
        FeatureKind.Number => datatype is OipDatatype.Fp32 or OipDatatype.Fp64 || IsInteger(datatype),
        FeatureKind.Boolean => datatype is OipDatatype.Bool,
        _ => datatype is OipDatatype.Bytes,
    };

    /// <summary>The datatypes a feature accepts, for error messages.</summary>
    public static string AcceptedBy(FeatureKind kind) => kind switch
    {
        FeatureKind.Number => "FP32, FP64, INT8-64 or UINT8-64",
        FeatureKind.Boolean => "BOOL",
        FeatureKind.String => "BYTES",
        _ => "BYTES (ISO 8601 dates)",
    };
}
