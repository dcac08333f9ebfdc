using Cairn.Core.Search;

namespace Cairn.Core.Tests.Search;

public sealed class OtherContextFilterParserTests
{
    [Theory]
    // Recorded from the real client.
    [InlineData("name LIKE 'peer-check-024a04ce%'", "Attribute name LIKE 'peer-check-024a04ce%'")]
    [InlineData("name = 'x'", "Attribute name = 'x'")]
    [InlineData("attribute.name != 'x'", "Attribute name != 'x'")]
    [InlineData("name ILIKE '%X%'", "Attribute name ILIKE '%X%'")]
    [InlineData("creation_time > 100 and last_update_time <= 200", "Attribute creation_time > 100 && Attribute last_update_time <= 200")]
    [InlineData("tags.team = 'mlops'", "Tag team = 'mlops'")]
    [InlineData("tag.`a b` LIKE 'x%'", "Tag a b LIKE 'x%'")]
    [InlineData("tags.team IS NULL", "Tag team IS NULL")]
    public void Parse_ExperimentFilter_ProducesExactAst(string filter, string expected) =>
        Assert.Equal(expected, SearchAssert.Format(SearchFilterParser.Parse(filter, SearchContext.Experiments)));

    [Theory]
    [InlineData("attributes.name = 'x'", "Invalid entity type 'attributes'")]
    [InlineData("attr.name = 'x'", "Invalid entity type 'attr'")]
    [InlineData("metrics.acc > 1", "Invalid entity type 'metrics'")]
    [InlineData("params.p = 'x'", "Invalid entity type 'params'")]
    [InlineData("experiment_id = '1'", "Invalid attribute key 'experiment_id'")]
    [InlineData("lifecycle_stage = 'active'", "Invalid attribute key 'lifecycle_stage'")]
    [InlineData("name IN ('a')", "Invalid comparator 'IN' for attribute 'name'")]
    [InlineData("name > 'a'", "Invalid comparator '>' for attribute 'name'")]
    [InlineData("creation_time > '5'", "Expected numeric value type for numeric attribute: creation_time")]
    [InlineData("creation_time LIKE '5'", "Invalid comparator 'LIKE' for numeric attribute 'creation_time'")]
    [InlineData("name = 'a' or name = 'b'", "Invalid clause(s) in filter string: 'or'")]
    public void Parse_InvalidExperimentFilter_IsRejected(string filter, string messagePart)
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.Parse(filter, SearchContext.Experiments));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    // The 3.x client appends the prompt clause to every registered-model search (recorded).
    [InlineData("name = 'peer-model-024a04ce' AND tag.`mlflow.prompt.is_prompt` != 'true'",
        "Attribute name = 'peer-model-024a04ce' && Tag mlflow.prompt.is_prompt != 'true'")]
    [InlineData("tag.`mlflow.prompt.is_prompt` != 'true'", "Tag mlflow.prompt.is_prompt != 'true'")]
    [InlineData("name ILIKE '%Model%' and tags.owner = 'me'", "Attribute name ILIKE '%Model%' && Tag owner = 'me'")]
    [InlineData("attribute.name LIKE 'a%'", "Attribute name LIKE 'a%'")]
    public void Parse_RegisteredModelFilter_ProducesExactAst(string filter, string expected) =>
        Assert.Equal(expected, SearchAssert.Format(SearchFilterParser.Parse(filter, SearchContext.RegisteredModels)));

    [Theory]
    [InlineData("run_id = 'abc'", "Invalid attribute key 'run_id'")]
    [InlineData("metrics.a > 1", "Invalid entity type 'metrics'")]
    [InlineData("name IN ('a')", "Invalid comparator 'IN'")]
    [InlineData("tags.t = 1", "Expected a quoted string value for tag 't'")]
    public void Parse_InvalidRegisteredModelFilter_IsRejected(string filter, string messagePart)
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.Parse(filter, SearchContext.RegisteredModels));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Recorded (the client sends it without spaces).
    [InlineData("name='peer-model-024a04ce'", "Attribute name = 'peer-model-024a04ce'")]
    [InlineData("run_id = 'abc'", "Attribute run_id = 'abc'")]
    [InlineData("run_id IN ('a','b')", "Attribute run_id IN ['a','b']")]
    [InlineData("source_path LIKE 'mlflow-artifacts:/%'", "Attribute source_path LIKE 'mlflow-artifacts:/%'")]
    [InlineData("version_number >= 2", "Attribute version_number >= 2")]
    [InlineData("version_number = '3'", "Attribute version_number = 3")]
    [InlineData("name = 'm' and tags.stage = 'prod'", "Attribute name = 'm' && Tag stage = 'prod'")]
    public void Parse_ModelVersionFilter_ProducesExactAst(string filter, string expected) =>
        Assert.Equal(expected, SearchAssert.Format(SearchFilterParser.Parse(filter, SearchContext.ModelVersions)));

    [Theory]
    [InlineData("version_number = 'three'", "Expected numeric value type for numeric attribute: version_number")]
    [InlineData("version_number LIKE '1'", "Invalid comparator 'LIKE'")]
    [InlineData("current_stage = 'None'", "Invalid attribute key 'current_stage'")]
    [InlineData("params.p = 'x'", "Invalid entity type 'params'")]
    public void Parse_InvalidModelVersionFilter_IsRejected(string filter, string messagePart)
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.Parse(filter, SearchContext.ModelVersions));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Recorded: register_model("runs:/...") and download_artifacts look a logged model up by name.
    [InlineData("name = 'model'", "Attribute name = 'model'")]
    [InlineData("name = 'notes.txt'", "Attribute name = 'notes.txt'")]
    [InlineData("attributes.status = 'LOGGED_MODEL_READY'", "Attribute status = 'LOGGED_MODEL_READY'")]
    [InlineData("source_run_id IN ('a','b')", "Attribute source_run_id IN ['a','b']")]
    [InlineData("model_type = 'agent' and model_id != 'm-1'", "Attribute model_type = 'agent' && Attribute model_id != 'm-1'")]
    [InlineData("creation_time > 5", "Attribute creation_timestamp > 5")]
    [InlineData("last_updated_time < 5", "Attribute last_updated_timestamp < 5")]
    [InlineData("metrics.accuracy >= 0.8", "Metric accuracy >= 0.8")]
    [InlineData("params.alpha = '0.5'", "Param alpha = '0.5'")]
    [InlineData("tags.`mlflow.modelVersions` IS NOT NULL", "Tag mlflow.modelVersions IS NOT NULL")]
    public void Parse_LoggedModelFilter_ProducesExactAst(string filter, string expected) =>
        Assert.Equal(expected, SearchAssert.Format(SearchFilterParser.Parse(filter, SearchContext.LoggedModels)));

    [Theory]
    [InlineData("datasets.name = 'x'", "Invalid entity type 'datasets'")]
    [InlineData("run_id = 'x'", "Invalid attribute key 'run_id'")]
    [InlineData("metrics.accuracy > '0.8'", "Expected numeric value type for metric")]
    public void Parse_InvalidLoggedModelFilter_IsRejected(string filter, string messagePart)
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.Parse(filter, SearchContext.LoggedModels));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }
}
