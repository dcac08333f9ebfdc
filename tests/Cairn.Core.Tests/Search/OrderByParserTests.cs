using Cairn.Core.Search;

namespace Cairn.Core.Tests.Search;

public sealed class OrderByParserTests
{
    [Theory]
    // Recorded from the real client.
    [InlineData(new[] { "metrics.acc DESC", "attributes.start_time ASC" }, "Metric acc DESC, Attribute start_time ASC")]
    [InlineData(new[] { "params.lr" }, "Param lr ASC")]
    [InlineData(new[] { "tags.`a b` desc" }, "Tag a b DESC")]
    [InlineData(new[] { "tags.\"mlflow.runName\" Desc" }, "Tag mlflow.runName DESC")]
    [InlineData(new[] { "start_time" }, "Attribute start_time ASC")]
    [InlineData(new[] { "  end_time   DESC  " }, "Attribute end_time DESC")]
    [InlineData(new[] { "created desc" }, "Attribute start_time DESC")]
    [InlineData(new[] { "`Run name`" }, "Attribute run_name ASC")]
    [InlineData(new[] { "run_name", "status DESC", "user_id", "artifact_uri", "run_id", "experiment_id", "lifecycle_stage" },
        "Attribute run_name ASC, Attribute status DESC, Attribute user_id ASC, Attribute artifact_uri ASC, Attribute run_id ASC, Attribute experiment_id ASC, Attribute lifecycle_stage ASC")]
    [InlineData(new[] { "metric.a", "param.b", "parameters.c", "tag.d", "attr.end_time" },
        "Metric a ASC, Param b ASC, Param c ASC, Tag d ASC, Attribute end_time ASC")]
    [InlineData(new[] { "metrics.a", "params.a", "tags.a" }, "Metric a ASC, Param a ASC, Tag a ASC")]
    [InlineData(new string[0], "")]
    public void ParseOrderBy_ValidRunKeys_ProducesClauses(string[] orderBy, string expected) =>
        Assert.Equal(expected, SearchAssert.Format(SearchFilterParser.ParseOrderBy(orderBy, SearchContext.Runs)));

    [Fact]
    public void ParseOrderBy_Null_IsEmpty() =>
        Assert.Empty(SearchFilterParser.ParseOrderBy(null, SearchContext.Runs));

    [Theory]
    [InlineData("metrics.acc DESC NULLS LAST", "Invalid order_by clause 'metrics.acc DESC NULLS LAST'")]
    [InlineData("metrics.acc DOWN", "expected ASC or DESC after 'metrics.acc' but found 'DOWN'")]
    [InlineData("metrics.acc, params.p", "Invalid order_by clause")]
    [InlineData("", "Invalid order_by clause ''")]
    [InlineData("   ", "Invalid order_by clause")]
    [InlineData("DESC", "Invalid order_by clause")]
    [InlineData("acc", "Invalid attribute key 'acc'")]
    [InlineData("datasets.name", "Invalid entity type 'datasets'")]
    [InlineData("metrics.acc; DROP TABLE runs", "Invalid order_by clause")]
    [InlineData("metrics.`acc", "is not closed")]
    [InlineData("'metrics.acc'", "Invalid order_by clause")]
    [InlineData("1", "Invalid order_by clause")]
    public void ParseOrderBy_InvalidRunKey_IsRejected(string entry, string messagePart)
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.ParseOrderBy([entry], SearchContext.Runs));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metrics.acc", "metrics.acc DESC")]
    [InlineData("start_time", "created DESC")]
    [InlineData("tags.`x`", "tag.x")]
    [InlineData("run_name", "`Run name`")]
    public void ParseOrderBy_DuplicateKey_IsRejected(string first, string second)
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.ParseOrderBy([first, second], SearchContext.Runs));
        Assert.Contains("duplicate", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SearchContext.Experiments, new[] { "name", "experiment_id DESC", "creation_time", "attribute.last_update_time desc" },
        "Attribute name ASC, Attribute experiment_id DESC, Attribute creation_time ASC, Attribute last_update_time DESC")]
    [InlineData(SearchContext.RegisteredModels, new[] { "name DESC", "timestamp", "last_updated_timestamp" },
        "Attribute name DESC, Attribute creation_timestamp ASC, Attribute last_updated_timestamp ASC")]
    [InlineData(SearchContext.ModelVersions, new[] { "name", "version_number DESC", "creation_timestamp", "last_updated_timestamp" },
        "Attribute name ASC, Attribute version_number DESC, Attribute creation_timestamp ASC, Attribute last_updated_timestamp ASC")]
    [InlineData(SearchContext.LoggedModels, new[] { "metrics.accuracy DESC", "creation_time", "name" },
        "Metric accuracy DESC, Attribute creation_timestamp ASC, Attribute name ASC")]
    public void ParseOrderBy_OtherContexts_ProducesClauses(SearchContext context, string[] orderBy, string expected) =>
        Assert.Equal(expected, SearchAssert.Format(SearchFilterParser.ParseOrderBy(orderBy, context)));

    [Theory]
    [InlineData(SearchContext.Experiments, "tags.team", "Invalid entity type 'tags'")]
    [InlineData(SearchContext.Experiments, "attributes.name", "Invalid entity type 'attributes'")]
    [InlineData(SearchContext.Experiments, "lifecycle_stage", "Invalid attribute key 'lifecycle_stage'")]
    [InlineData(SearchContext.RegisteredModels, "version_number", "Invalid attribute key 'version_number'")]
    [InlineData(SearchContext.ModelVersions, "run_id", "Invalid attribute key 'run_id'")]
    [InlineData(SearchContext.ModelVersions, "timestamp", "Invalid attribute key 'timestamp'")]
    [InlineData(SearchContext.LoggedModels, "params.alpha", "Invalid entity type 'params'")]
    [InlineData(SearchContext.LoggedModels, "run_id", "Invalid attribute key 'run_id'")]
    public void ParseOrderBy_KeyInvalidForContext_IsRejected(SearchContext context, string entry, string messagePart)
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.ParseOrderBy([entry], context));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOrderBy_DuplicateAfterAlias_IsRejectedForRegisteredModels()
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.ParseOrderBy(["timestamp", "creation_timestamp DESC"], SearchContext.RegisteredModels));
        Assert.Contains("duplicate", ex.Message, StringComparison.Ordinal);
    }
}
