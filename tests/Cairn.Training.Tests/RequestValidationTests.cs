using Cairn.Core.Errors;
using Cairn.Training.Tests.Support;

namespace Cairn.Training.Tests;

public sealed class RequestValidationTests
{
    private static CairnException Rejected(TrainingRequest request)
    {
        var error = Assert.Throws<CairnException>(() => ModelTrainer.Train(request));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        return error;
    }

    private static TrainingRequest Wages(string trainer = "sdca") =>
        new() { Task = ModelTask.Regression, Label = "wage", Trainer = trainer, Train = Datasets.WagesTrain };

    [Fact]
    public void UnknownTrainer_IsRejectedNamingItAndTheValidOnes()
    {
        var error = Rejected(Wages("xgboost"));

        Assert.Contains("'xgboost'", error.Message);
        Assert.Contains("lightgbm, fasttree, fastforest, sdca, lbfgs, baseline", error.Message);
    }

    [Fact]
    public void UnknownHyperParameter_IsRejectedNamingItAndTheValidOnes()
    {
        var error = Rejected(Wages("lightgbm") with { HyperParameters = new Dictionary<string, string> { ["num_leaves"] = "8" } });

        Assert.Contains("'num_leaves'", error.Message);
        Assert.Contains("number_of_leaves", error.Message);
        Assert.Contains("'lightgbm'", error.Message);
    }

    [Fact]
    public void AnyHyperParameter_ForTheBaseline_IsRejected()
    {
        var error = Rejected(Wages("baseline") with { HyperParameters = new Dictionary<string, string> { ["learning_rate"] = "0.1" } });

        Assert.Contains("'learning_rate'", error.Message);
        Assert.Contains("(none)", error.Message);
    }

    [Theory]
    [InlineData("number_of_leaves", "many")]
    [InlineData("number_of_leaves", "1")]
    [InlineData("learning_rate", "-0.1")]
    [InlineData("number_of_iterations", "2.5")]
    public void MalformedHyperParameterValue_IsRejectedNamingIt(string name, string value)
    {
        var error = Rejected(Wages("lightgbm") with { HyperParameters = new Dictionary<string, string> { [name] = value } });

        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains($"'{value}'", error.Message);
    }

    [Fact]
    public void MissingLabelColumn_IsRejectedListingTheColumns()
    {
        var error = Rejected(Wages() with { Label = "salary" });

        Assert.Contains("'salary'", error.Message);
        Assert.Contains("education", error.Message);
    }

    [Fact]
    public void UnknownFeatureColumn_IsRejected()
    {
        var error = Rejected(Wages() with { Features = ["education", "height"] });

        Assert.Contains("'height'", error.Message);
    }

    [Fact]
    public void LabelListedAsFeature_IsRejected()
    {
        Assert.Contains("'wage'", Rejected(Wages() with { Features = ["education", "wage"] }).Message);
    }

    [Fact]
    public void BinaryTask_OnAFiveClassLabel_IsRejectedSuggestingMulticlass()
    {
        var error = Rejected(new TrainingRequest
        {
            Task = ModelTask.BinaryClassification, Label = "weather", Trainer = "sdca", Train = Datasets.SeattleTrain,
        });

        Assert.Contains("5 distinct values", error.Message);
        Assert.Contains("multiclass", error.Message);
    }

    [Fact]
    public void PositiveClass_ThatIsNotALabelValue_IsRejected()
    {
        var error = Rejected(new TrainingRequest
        {
            Task = ModelTask.BinaryClassification, Label = "diagnosis", PositiveClass = "sick", Train = Datasets.BreastCancerTrain,
        });

        Assert.Contains("'sick'", error.Message);
    }

    [Fact]
    public void RegressionTask_OnATextLabel_IsRejected()
    {
        var error = Rejected(new TrainingRequest { Task = ModelTask.Regression, Label = "weather", Train = Datasets.SeattleTrain });

        Assert.Contains("numeric label", error.Message);
    }

    [Fact]
    public void LbfgsRegression_OnNegativeLabels_IsRejectedBecauseItIsPoisson()
    {
        var wages = Datasets.WagesTrain;
        var negative = new Cairn.Data.Tables.DataTable([.. wages.Columns.Select(c => c.Name == "wage"
            ? new Cairn.Data.Tables.DataColumn { Schema = c.Schema, Numbers = [.. c.Numbers!.Select(v => v - 10)] }
            : c)]);

        Assert.Contains("Poisson", Rejected(Wages("lbfgs") with { Train = negative }).Message);
    }
}
