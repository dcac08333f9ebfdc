using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Tests.Support;

namespace Cairn.Training.Tests;

[Collection(TrainedModelsCollection.Name)]
public sealed class ScorerTests(TrainedModels models)
{
    private static Dictionary<string, object?> Record(DataTable table, int row) => table.Columns.ToDictionary(
        c => c.Name,
        c => c.Schema.Type switch
        {
            ColumnType.Numeric => (object?)c.Numbers![row],
            ColumnType.DateTime => c.Times![row],
            ColumnType.Boolean => c.Booleans![row],
            _ => c.Strings![row],
        });

    [Fact]
    public void SingleRecordScoring_AgreesWithBatchScoring()
    {
        foreach (var (result, test) in new[] { (models.Seattle, Datasets.SeattleTest), (models.Wages, Datasets.WagesTest), (models.BreastCancer, Datasets.BreastCancerTest) })
        {
            using var scorer = result.Bundle.CreateScorer();
            var batch = scorer.Score(test);

            for (var row = 0; row < test.RowCount; row += 7)
            {
                var single = scorer.Score(Record(test, row));
                Assert.Equal(batch.Labels?[row], single.Label);
                Assert.Equal(batch.Scores[row], single.Score, 6);
            }
        }
    }

    [Fact]
    public async Task ConcurrentScoring_FromManyThreads_GivesTheSameAnswers()
    {
        using var scorer = models.Seattle.Bundle.CreateScorer();
        var test = Datasets.SeattleTest;
        var expected = scorer.Score(test);

        var singles = new string?[test.RowCount];
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => scorer.Score(test).Labels!)));
        Parallel.For(0, test.RowCount, new ParallelOptions { MaxDegreeOfParallelism = 8 }, row => singles[row] = scorer.Score(Record(test, row)).Label);

        Assert.All(batches, labels => Assert.Equal(expected.Labels, labels));
        Assert.Equal(expected.Labels, singles);
    }

    [Fact]
    public void Scoring_WithInputsAsStringsOrJson_CoercesThemToTheSignatureTypes()
    {
        using var scorer = models.Seattle.Bundle.CreateScorer();
        var typed = scorer.Score(Record(Datasets.SeattleTest, 0));
        using var json = System.Text.Json.JsonDocument.Parse(
            """{"date":"2014-01-01","precipitation":0.0,"temp_max":"7.2","temp_min":3.3,"wind":1.2}""");
        var fromJson = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());

        var coerced = scorer.Score(fromJson);

        Assert.Equal(7.2, Datasets.SeattleTest["temp_max"].Numbers![0]);
        Assert.Equal(typed.Label, coerced.Label);
        Assert.Equal(typed.Score, coerced.Score, 6);
    }

    [Fact]
    public void Scoring_WithMissingValuesAndUnseenCategories_StillPredicts()
    {
        using var scorer = models.Wages.Bundle.CreateScorer();

        var prediction = scorer.Score(new Dictionary<string, object?>
        {
            ["education"] = 12.0, ["gender"] = "unknown", ["occupation"] = "astronaut", ["sector"] = null,
        });

        Assert.True(double.IsFinite(prediction.Score));
        Assert.InRange(prediction.Score, 0, 50);
    }

    [Fact]
    public void BatchScoring_WithoutARequiredColumn_IsRejectedNamingIt()
    {
        using var scorer = models.BreastCancer.Bundle.CreateScorer();

        var error = Assert.Throws<CairnException>(() => scorer.Score(Datasets.BreastCancerTest.Without("worst_area")));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'worst_area'", error.Message);
    }

    [Fact]
    public void Scoring_WithANonNumericValueForANumericInput_IsRejectedNamingIt()
    {
        using var scorer = models.BreastCancer.Bundle.CreateScorer();

        var error = Assert.Throws<CairnException>(() => scorer.Score(new Dictionary<string, object?> { ["mean_radius"] = "large" }));

        Assert.Contains("'mean_radius'", error.Message);
        Assert.Contains("'large'", error.Message);
    }

    [Fact]
    public void BinaryPredictions_ScoreIsThePositiveClassProbability()
    {
        using var scorer = models.BreastCancer.Bundle.CreateScorer();

        var predictions = scorer.Score(Datasets.BreastCancerTest);

        for (var row = 0; row < predictions.RowCount; row++)
        {
            Assert.Equal(predictions.Probability(row, 1), predictions.Scores[row], 9);
            Assert.Equal(1.0, predictions.Probability(row, 0) + predictions.Probability(row, 1), 6);
            Assert.Equal(predictions.Scores[row] > 0.5 ? "malignant" : "benign", predictions.Labels![row]);
        }
    }
}
