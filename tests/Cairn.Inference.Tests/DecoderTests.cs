using System.Text;
using Cairn.Core.Errors;
using Cairn.Serving.Inference;

namespace Cairn.Inference.Tests;

/// <summary>The codecs alone, on hand-made signatures (cases the seattle models cannot show: nullable, boolean inputs).</summary>
public sealed class DecoderTests
{
    private static readonly FeatureSchema Schema = new(
    [
        new Feature("age", FeatureKind.Number, nullable: true, "numeric"),
        new Feature("member", FeatureKind.Boolean, nullable: false, "boolean"),
        new Feature("plan", FeatureKind.String, nullable: true, "categorical"),
    ]);

    private static OipRequest Oip(string json, string? stickyField = null) =>
        OipDecoder.Decode(Encoding.UTF8.GetBytes(json), Schema, stickyField, OipOutputs.Classifier);

    [Fact]
    public void Oip_NullForNullableInputs_IsMissing_AndMembersMayComeInAnyOrder()
    {
        var request = Oip("""
            {"inputs": [
              {"data": [null, 41], "datatype": "INT32", "shape": [2], "name": "age"},
              {"name": "member", "datatype": "BOOL", "shape": [2, 1], "data": [[true], [false]]},
              {"name": "pl\u0061n", "shape": [2], "datatype": "BYTES", "data": ["gold", null]}
            ], "outputs": [{"name": "score"}], "id": "x"}
            """);

        Assert.Equal("x", request.Id);
        Assert.Equal(OipOutputs.Score, request.Outputs);
        Assert.Equal(2, request.Batch.Rows);
        Assert.True(double.IsNaN(request.Batch.Numbers(0)[0]));
        Assert.Equal(41, request.Batch.Numbers(0)[1]);
        Assert.Equal([true, false], request.Batch.Booleans(1));
        Assert.Equal(new string?[] { "gold", null }, request.Batch.Strings(2).AsEnumerable());
        Assert.Null(request.Batch.Row(1)["plan"]);
        Assert.Equal(41.0, request.Batch.Row(1)["age"]);
    }

    [Fact]
    public void Oip_StickyFieldInput_IsTheKeyNotAFeature()
    {
        var request = Oip("""
            {"inputs": [
              {"name": "user", "shape": [1], "datatype": "BYTES", "data": ["u-7"]},
              {"name": "age", "shape": [1], "datatype": "FP64", "data": [30]},
              {"name": "member", "shape": [1], "datatype": "BOOL", "data": [true]},
              {"name": "plan", "shape": [1], "datatype": "BYTES", "data": ["basic"]}
            ]}
            """, stickyField: "user");

        Assert.Equal("u-7", request.StickyKey);
        Assert.Equal(3, request.Batch.Schema.Count);
    }

    [Theory]
    [InlineData("""{"name": "member", "shape": [1], "datatype": "BOOL", "data": [1]}""", "Input 'member' element 0 is the number 1; input 'member' (boolean) must be a boolean.")]
    [InlineData("""{"name": "member", "shape": [1], "datatype": "INT64", "data": [1]}""", "Input 'member' has datatype INT64; the model's 'member' (boolean) needs BOOL.")]
    [InlineData("""{"name": "member", "shape": [1], "datatype": "BOOL", "data": [null]}""", "Input 'member' element 0 is null, but input 'member' does not accept missing values")]
    public void Oip_BooleanRules_NameTheInput(string member, string expected)
    {
        var json = """{"inputs": [{"name": "age", "shape": [1], "datatype": "FP64", "data": [30]}, {"name": "plan", "shape": [1], "datatype": "BYTES", "data": ["x"]}, """ + member + "]}";

        var error = Assert.Throws<CairnException>(() => Oip(json));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_NullableAndStickyField_AreAccepted_UnknownFieldIsNot()
    {
        var request = RecordsDecoder.Decode(
            Encoding.UTF8.GetBytes("""{"records": [{"age": null, "member": true, "plan": "gold", "user": 12}, {"age": 3, "member": false, "plan": null}], "top_k": 2}"""),
            Schema, "user");

        Assert.Equal("12", request.StickyKey);
        Assert.Equal(2, request.TopK);
        Assert.Equal(2, request.Batch.Rows);
        Assert.True(double.IsNaN(request.Batch.Numbers(0)[0]));
        var error = Assert.Throws<CairnException>(() => RecordsDecoder.Decode(
            Encoding.UTF8.GetBytes("""{"records": [{"age": 1, "member": true, "plan": "gold", "user": 12}]}"""), Schema, null));
        Assert.Contains("Record 0 field 'user' is not an input", error.Message, StringComparison.Ordinal);
    }
}
