using Cairn.Core.Search;

namespace Cairn.Core.Tests.Search;

public sealed class RunFilterParserTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   \t\n", "")]
    // Recorded from the real client (contracts/mlflow/client_check.jsonl).
    [InlineData("metrics.acc > 0.9 and params.lr = '0.1'", "Metric acc > 0.9 && Param lr = '0.1'")]
    [InlineData("tags.stage = 'test' and attributes.status = 'FINISHED'", "Tag stage = 'test' && Attribute status = 'FINISHED'")]
    // Entity prefixes and their aliases.
    [InlineData("metric.a = 1", "Metric a = 1")]
    [InlineData("param.p = 'x'", "Param p = 'x'")]
    [InlineData("parameter.p = 'x'", "Param p = 'x'")]
    [InlineData("parameters.p = 'x'", "Param p = 'x'")]
    [InlineData("tag.t = 'x'", "Tag t = 'x'")]
    [InlineData("attribute.run_id = 'abc'", "Attribute run_id = 'abc'")]
    [InlineData("attr.user_id = 'bob'", "Attribute user_id = 'bob'")]
    [InlineData("run.artifact_uri LIKE 'mlflow-artifacts:/%'", "Attribute artifact_uri LIKE 'mlflow-artifacts:/%'")]
    [InlineData("dataset.name = 'iris'", "Dataset name = 'iris'")]
    [InlineData("datasets.digest != 'abc'", "Dataset digest != 'abc'")]
    [InlineData("datasets.context IN ('training', 'eval')", "Dataset context IN ['training','eval']")]
    [InlineData("datasets.name NOT IN ('a')", "Dataset name NOT IN ['a']")]
    [InlineData("datasets.name ILIKE '%IR%'", "Dataset name ILIKE '%IR%'")]
    // Bare identifiers are attributes; aliases are canonical.
    [InlineData("run_name ILIKE '%x%'", "Attribute run_name ILIKE '%x%'")]
    [InlineData("status = 'RUNNING'", "Attribute status = 'RUNNING'")]
    [InlineData("start_time >= 1700000000000", "Attribute start_time >= 1700000000000")]
    [InlineData("end_time < 5", "Attribute end_time < 5")]
    [InlineData("created > 10", "Attribute start_time > 10")]
    [InlineData("Created <= 10", "Attribute start_time <= 10")]
    [InlineData("attributes.created = 3", "Attribute start_time = 3")]
    [InlineData("`Run name` = 'r'", "Attribute run_name = 'r'")]
    [InlineData("attributes.`run name` = 'r'", "Attribute run_name = 'r'")]
    [InlineData("attributes.\"Run Name\" = 'r'", "Attribute run_name = 'r'")]
    [InlineData("attributes.run_name = 'r'", "Attribute run_name = 'r'")]
    [InlineData("run_id IN ('a', 'b','c')", "Attribute run_id IN ['a','b','c']")]
    [InlineData("attributes.run_id NOT IN (\"a\")", "Attribute run_id NOT IN ['a']")]
    [InlineData("status IN ('FINISHED','FAILED')", "Attribute status IN ['FINISHED','FAILED']")]
    // Quoted keys.
    [InlineData("metrics.`my metric` >= -1", "Metric my metric >= -1")]
    [InlineData("tags.\"mlflow.runName\" = 'x'", "Tag mlflow.runName = 'x'")]
    [InlineData("tags.`mlflow.runName` = 'x'", "Tag mlflow.runName = 'x'")]
    [InlineData("tags.mlflow.runName = 'x'", "Tag mlflow.runName = 'x'")]
    [InlineData("`metrics`.acc < 1", "Metric acc < 1")]
    [InlineData("metrics.`a``b` = 1", "Metric a`b = 1")]
    // Comparators and keywords are case-insensitive; AND too.
    [InlineData("params.p like 'a%' AnD tags.t ilike '%B'", "Param p LIKE 'a%' && Tag t ILIKE '%B'")]
    [InlineData("tags.t is null", "Tag t IS NULL")]
    [InlineData("params.p IS NOT NULL", "Param p IS NOT NULL")]
    [InlineData("tags.t != 'x'", "Tag t != 'x'")]
    [InlineData("metrics.m != 2", "Metric m != 2")]
    [InlineData("metrics.m=2", "Metric m = 2")]
    [InlineData("metrics.m>=2 and metrics.n<=3", "Metric m >= 2 && Metric n <= 3")]
    // Numbers.
    [InlineData("metrics.m > -0.5", "Metric m > -0.5")]
    [InlineData("metrics.m > +2", "Metric m > 2")]
    [InlineData("metrics.m > .5", "Metric m > 0.5")]
    [InlineData("metrics.m > 1e-3", "Metric m > 0.001")]
    [InlineData("metrics.m > 2.5E+2", "Metric m > 250")]
    [InlineData("metrics.m > 10", "Metric m > 10")]
    [InlineData("metrics.m < 1e400", "Metric m < Infinity")]
    [InlineData("metrics.m > 1.", "Metric m > 1")]
    [InlineData("metrics.m > -.5", "Metric m > -0.5")]
    [InlineData("metrics.m>-1", "Metric m > -1")]
    [InlineData("metrics.m!=-1e-2", "Metric m != -0.01")]
    [InlineData("metrics.m\t>\n3", "Metric m > 3")]
    [InlineData("params.größe = 'x'", "Param größe = 'x'")]
    [InlineData("params.1st = 'x'", "Param 1st = 'x'")]
    // String values: single or double quotes, escapes by doubling or backslash.
    [InlineData("params.p = \"0.1\"", "Param p = '0.1'")]
    [InlineData("params.p = 'it''s'", "Param p = 'it's'")]
    [InlineData("params.p = 'it\\'s'", "Param p = 'it's'")]
    [InlineData("params.p = \"say \"\"hi\"\"\"", "Param p = 'say \"hi\"'")]
    [InlineData("params.p = 'a\\\\b'", "Param p = 'a\\b'")]
    [InlineData("params.p LIKE 'a\\_b'", "Param p LIKE 'a\\_b'")]
    [InlineData("params.p = ''", "Param p = ''")]
    [InlineData("params.p = 'a AND b OR c'", "Param p = 'a AND b OR c'")]
    [InlineData("params.p = '(x)'", "Param p = '(x)'")]
    // Injection attempts stay literal values.
    [InlineData("params.p = '; DROP TABLE runs; --'", "Param p = '; DROP TABLE runs; --'")]
    [InlineData("tags.t = 'x'' OR ''1''=''1'", "Tag t = 'x' OR '1'='1'")]
    [InlineData("run_name = 'Robert\"); DROP TABLE runs;--'", "Attribute run_name = 'Robert\"); DROP TABLE runs;--'")]
    [InlineData("params.`p'; --` = 'x'", "Param p'; -- = 'x'")]
    public void Parse_ValidRunFilter_ProducesExactAst(string? filter, string expected)
    {
        var parsed = SearchFilterParser.Parse(filter, SearchContext.Runs);
        Assert.Equal(expected, SearchAssert.Format(parsed));
    }

    [Fact]
    public void Parse_NumericValues_KeepFullPrecision()
    {
        var parsed = SearchFilterParser.Parse("start_time = 1700000000123 and metrics.m = 0.1", SearchContext.Runs);
        Assert.Equal(1700000000123d, parsed[0].Number);
        Assert.Equal(0.1, parsed[1].Number);
        Assert.Null(parsed[0].Text);
        Assert.Null(parsed[0].List);
    }
}
