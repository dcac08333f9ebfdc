using System.IO.Compression;
using System.Text.Json;
using Cairn.Core.Errors;
using Cairn.Training.Bundles;
using Cairn.Training.Tests.Support;

namespace Cairn.Training.Tests;

[Collection(TrainedModelsCollection.Name)]
public sealed class BundleTests(TrainedModels models)
{
    [Fact]
    public async Task MlNetBundle_AfterSaveAndLoad_ScoresIdentically()
    {
        foreach (var (result, test) in new[]
        {
            (models.Seattle, Datasets.SeattleTest), (models.BreastCancer, Datasets.BreastCancerTest), (models.Wages, Datasets.WagesTest),
        })
        {
            var loaded = await TrainedModels.RoundTripAsync(result.Bundle);
            using var before = result.Bundle.CreateScorer();
            using var after = loaded.CreateScorer();

            var expected = before.Score(test);
            var actual = after.Score(test);

            Assert.Equal(expected.Scores, actual.Scores);
            Assert.Equal(expected.Labels, actual.Labels);
            Assert.Equal(result.Bundle.Manifest.Metrics, loaded.Manifest.Metrics);
        }
    }

    [Fact]
    public void Signature_DescribesEveryInputAndOutput()
    {
        var seattle = models.Seattle.Bundle.Manifest;
        var wages = models.Wages.Bundle.Manifest;

        Assert.Equal(ModelFlavor.MlNet, seattle.Flavor);
        Assert.Equal("weather", seattle.Label);
        Assert.Equal(
            [("date", "datetime"), ("precipitation", "numeric"), ("temp_max", "numeric"), ("temp_min", "numeric"), ("wind", "numeric")],
            seattle.Inputs.Select(i => (i.Name, i.Type)));
        Assert.All(seattle.Inputs, i => Assert.False(i.Nullable));
        Assert.Equal(["label", "score", "probabilities"], seattle.Outputs.Select(o => o.Name));
        Assert.Equal([5L], seattle.Outputs[2].Shape!);
        Assert.Equal(seattle.ClassLabels, seattle.Outputs[2].Categories);

        var gender = wages.Inputs.Single(i => i.Name == "gender");
        Assert.Equal("categorical", gender.Type);
        Assert.Equal(["female", "male"], gender.Categories);
        Assert.DoesNotContain(wages.Inputs, i => i.Name == "wage");
        Assert.Equal(["score"], wages.Outputs.Select(o => o.Name));
        Assert.Empty(wages.ClassLabels);
        Assert.Equal("fasttree", wages.Trainer);
        Assert.Equal("50", wages.HyperParameters["number_of_trees"]);
    }

    [Fact]
    public async Task SavedBundle_IsAZipWithBundleJsonAndTheModelFile()
    {
        var bundle = models.BreastCancer.Bundle.WithManifest(models.BreastCancer.Bundle.Manifest with
        {
            TrainingProfile = JsonDocument.Parse("""{"row_count": 427, "columns": []}""").RootElement,
        });
        using var stream = new MemoryStream();
        await bundle.SaveAsync(stream, CancellationToken.None);
        stream.Position = 0;

        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        Assert.Equal(["bundle.json", "model.zip"], zip.Entries.Select(e => e.FullName).Order());
        using var json = JsonDocument.Parse(zip.GetEntry("bundle.json")!.Open());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("format_version").GetInt32());
        Assert.Equal("mlnet", root.GetProperty("flavor").GetString());
        Assert.Equal("binary", root.GetProperty("task").GetString());
        Assert.Equal("diagnosis", root.GetProperty("label").GetString());
        Assert.Equal(30, root.GetProperty("inputs").GetArrayLength());
        Assert.Equal("numeric", root.GetProperty("inputs")[0].GetProperty("type").GetString());
        Assert.True(root.GetProperty("metrics").GetProperty("auc").GetDouble() > 0.95);
        Assert.Equal("test", root.GetProperty("metrics_dataset").GetString());
        Assert.Equal(427, root.GetProperty("training_profile").GetProperty("row_count").GetInt32());
        Assert.Equal(2, root.GetProperty("confusion_matrix").GetProperty("labels").GetArrayLength());
    }

    [Fact]
    public async Task BundleFile_SavedToAPath_LoadsBackWithNoTemporaryFilesLeft()
    {
        var directory = Directory.CreateTempSubdirectory("cairn-bundle-");
        try
        {
            var path = Path.Combine(directory.FullName, "wages.cairn");
            await models.Wages.Bundle.SaveAsync(path, CancellationToken.None);
            await models.Wages.Bundle.SaveAsync(path, CancellationToken.None);

            var loaded = await ModelBundle.LoadAsync(path, CancellationToken.None);

            Assert.Equal(["wages.cairn"], directory.GetFiles().Select(f => f.Name));
            Assert.Equal(models.Wages.Bundle.Manifest.Inputs, loaded.Manifest.Inputs);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TrainingProfile_GivenAsJson_IsKeptVerbatim()
    {
        var result = ModelTrainer.Train(new TrainingRequest
        {
            Task = ModelTask.Regression, Label = "wage", Trainer = "baseline", Train = Datasets.WagesTrain,
            TrainingProfileJson = """{"columns":[{"name":"wage","mean":9.0}]}""",
        });

        var loaded = await TrainedModels.RoundTripAsync(result.Bundle);

        Assert.Equal(9.0, loaded.Manifest.TrainingProfile!.Value.GetProperty("columns")[0].GetProperty("mean").GetDouble());
    }

    [Theory]
    [InlineData("not a zip")]
    [InlineData("")]
    public async Task LoadingSomethingThatIsNotABundle_IsAClearError(string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));

        var error = await Assert.ThrowsAsync<CairnException>(() => ModelBundle.LoadAsync(stream, CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("Not a valid model bundle", error.Message);
    }

    [Fact]
    public async Task BundleFromANewerFormat_IsRejectedNamingTheVersion()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry("bundle.json").Open();
            await entry.WriteAsync("""{"format_version":7,"flavor":"baseline","task":"regression","inputs":[],"outputs":[]}"""u8.ToArray());
        }

        stream.Position = 0;
        var error = await Assert.ThrowsAsync<CairnException>(() => ModelBundle.LoadAsync(stream, CancellationToken.None));

        Assert.Contains("format version 7", error.Message);
    }
}
