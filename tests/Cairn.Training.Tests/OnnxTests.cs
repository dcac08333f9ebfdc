using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Bundles;
using Cairn.Training.Onnx;
using Cairn.Training.Tests.Support;

namespace Cairn.Training.Tests;

[Collection(TrainedModelsCollection.Name)]
public sealed class OnnxTests(TrainedModels models)
{
    private static void AssertSameScores(ModelBundle expected, ModelBundle actual, DataTable data)
    {
        using var a = expected.CreateScorer();
        using var b = actual.CreateScorer();
        var pa = a.Score(data);
        var pb = b.Score(data);
        Assert.Equal(pa.Labels, pb.Labels);
        for (var row = 0; row < pa.RowCount; row++)
        {
            Assert.True(Math.Abs(pa.Scores[row] - pb.Scores[row]) < 1e-5, $"row {row}: {pa.Scores[row]} vs {pb.Scores[row]}");
        }
    }

    [Fact]
    public void ExportedMulticlassModelWithDateParts_ScoresLikeTheMlNetModel()
    {
        var onnx = OnnxModels.ExportBundle(models.Seattle.Bundle);

        Assert.Equal(ModelFlavor.Onnx, onnx.Manifest.Flavor);
        var year = onnx.Manifest.Inputs.Single(i => i.Name == "date.year");
        Assert.Equal(("date", "year", "tensor(float)"), (year.SourceColumn, year.Derivation, year.Type));
        Assert.Equal([-1L, 1L], year.Shape!);
        Assert.Equal(models.Seattle.Bundle.Manifest.ClassLabels, onnx.Manifest.ClassLabels);
        Assert.Equal(models.Seattle.Bundle.Manifest.Metrics, onnx.Manifest.Metrics);
        AssertSameScores(models.Seattle.Bundle, onnx, Datasets.SeattleTest);
    }

    [Fact]
    public void ExportedBinaryAndRegressionModels_ScoreLikeTheMlNetModels()
    {
        AssertSameScores(models.BreastCancer.Bundle, OnnxModels.ExportBundle(models.BreastCancer.Bundle), Datasets.BreastCancerTest);
        // The wages model one-hot encodes four categorical inputs: string tensors in the graph.
        var wages = OnnxModels.ExportBundle(models.Wages.Bundle);
        Assert.Equal("tensor(string)", wages.Manifest.Inputs.Single(i => i.Name == "gender").Type);
        AssertSameScores(models.Wages.Bundle, wages, Datasets.WagesTest);
    }

    [Fact]
    public async Task ImportedOnnxGraph_ReadsItsSignatureFromTheGraph_AndRoundTripsAsABundle()
    {
        var graph = OnnxModels.Export(models.BreastCancer.Bundle);

        var imported = OnnxModels.Import(graph, new OnnxImportOptions { ClassLabels = ["benign", "malignant"], Trainer = "elsewhere" });
        var loaded = await TrainedModels.RoundTripAsync(imported);

        Assert.Equal(ModelTask.BinaryClassification, imported.Manifest.Task);
        Assert.Equal(30, imported.Manifest.Inputs.Count);
        Assert.All(imported.Manifest.Inputs, i => Assert.Equal("tensor(float)", i.Type));
        Assert.Contains(imported.Manifest.Outputs, o => o is { Name: "Probability.output", Type: "tensor(float)" });
        Assert.Equal("PredictedLabel.output", imported.Manifest.OnnxOutputs!.Label);
        Assert.Equal("Probability.output", imported.Manifest.OnnxOutputs.Probabilities);
        Assert.Equal(imported.Manifest.Inputs, loaded.Manifest.Inputs);
        AssertSameScores(models.BreastCancer.Bundle, loaded, Datasets.BreastCancerTest);
    }

    [Fact]
    public void ImportedRegressionGraph_WithoutOptions_IsInferredAsRegression()
    {
        var imported = OnnxModels.Import(OnnxModels.Export(models.Wages.Bundle));

        Assert.Equal(ModelTask.Regression, imported.Manifest.Task);
        Assert.Equal("Score.output", imported.Manifest.OnnxOutputs!.Score);
        AssertSameScores(models.Wages.Bundle, imported, Datasets.WagesTest);
    }

    [Fact]
    public void OnnxScorer_SingleRecordWithADate_AgreesWithTheBatch()
    {
        using var scorer = OnnxModels.ExportBundle(models.Seattle.Bundle).CreateScorer();
        var batch = scorer.Score(Datasets.SeattleTest);

        var single = scorer.Score(new Dictionary<string, object?>
        {
            ["date"] = "2014-01-01", ["precipitation"] = 0.0, ["temp_max"] = 7.2, ["temp_min"] = 3.3, ["wind"] = 1.2,
        });

        Assert.Equal(batch.Labels![0], single.Label);
        Assert.Equal(batch.Scores[0], single.Score, 5);
    }

    [Fact]
    public void Importing_BytesThatAreNotOnnx_IsAClearError()
    {
        var error = Assert.Throws<CairnException>(() => OnnxModels.Import("not a model"u8.ToArray()));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("Not a valid ONNX model", error.Message);
    }

    [Fact]
    public void Exporting_AModelWithATextInput_IsRejectedNamingTheInput()
    {
        var wages = Datasets.WagesTrain;
        var description = CsvTable.Column("description", ColumnType.Text,
            [.. Enumerable.Range(0, wages.RowCount).Select(r => $"{wages["occupation"].Strings![r]} in {wages["sector"].Strings![r]}")]);
        var result = TrainedModels.Train(ModelTask.Regression, "wage", "sdca", new DataTable([.. wages.Columns, description]), null);

        var error = Assert.Throws<CairnException>(() => OnnxModels.Export(result.Bundle));

        Assert.Contains("'description'", error.Message);
        Assert.Contains("FeaturizeText", error.Message);
    }

    [Fact]
    public void Exporting_ABaselineBundle_IsRejected()
    {
        Assert.Contains("Only ML.NET bundles", Assert.Throws<CairnException>(() => OnnxModels.Export(models.SeattleBaseline.Bundle)).Message);
    }
}
