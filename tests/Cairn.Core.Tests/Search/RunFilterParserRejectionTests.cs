using Cairn.Core.Search;

namespace Cairn.Core.Tests.Search;

public sealed class RunFilterParserRejectionTests
{
    [Theory]
    // OR and parentheses (the real server's message names the clause).
    [InlineData("metrics.a > 1 or metrics.b < 2", "Invalid clause(s) in filter string: 'or'")]
    [InlineData("metrics.a > 1 OR metrics.b < 2", "Invalid clause(s) in filter string: 'OR'")]
    [InlineData("(metrics.a > 1)", "Invalid clause(s) in filter string: '(metrics.a > 1)'")]
    [InlineData("metrics.a > 1 and (params.p = 'x' or params.p = 'y')", "Invalid clause(s) in filter string: '(params.p = 'x' or params.p = 'y')'")]
    [InlineData("metrics.a > 1 and", "ends with 'AND'")]
    [InlineData("and metrics.a > 1", "Invalid clause(s) in filter string: 'and'")]
    [InlineData("metrics.a > 1 and and metrics.b > 1", "Invalid clause(s) in filter string: 'and'")]
    [InlineData("metrics.a > 1 metrics.b > 1", "Invalid clause(s) in filter string: 'metrics.b'")]
    [InlineData("metrics.a > 1;", "Invalid clause(s) in filter string: ';'")]
    [InlineData("params.p = 'x'; DROP TABLE runs; --", "Invalid clause(s) in filter string: ';'")]
    [InlineData("params.p = 'x' --", "Invalid clause(s) in filter string: '-'")]
    // Identifiers.
    [InlineData("1=1", "expected an identifier")]
    [InlineData("'a' = 'a'", "expected an identifier such as 'metrics.acc'")]
    [InlineData("acc > 0.9", "Invalid attribute key 'acc'")]
    [InlineData("attributes.acc > 0.9", "Invalid attribute key 'acc'")]
    [InlineData("lifecycle_stage = 'active'", "Invalid attribute key 'lifecycle_stage'")]
    [InlineData("experiment_id = '1'", "Invalid attribute key 'experiment_id'")]
    [InlineData("metricz.acc > 1", "Invalid entity type 'metricz'")]
    [InlineData("METRICS.acc > 1", "Invalid entity type 'METRICS'")]
    [InlineData("datasets.source = 'x'", "Invalid dataset key 'source'")]
    [InlineData("metrics. > 1", "expected an identifier")]
    [InlineData("metrics.`` > 1", "the key is empty")]
    [InlineData("params.learning-rate = '1'", "expected a comparator")]
    [InlineData("* = 1", "expected an identifier")]
    // Comparators.
    [InlineData("metrics.acc", "expected a comparator after 'metrics.acc' but the filter ends")]
    [InlineData("metrics.acc LIKE '1'", "Invalid comparator 'LIKE' for metric 'acc'")]
    [InlineData("metrics.acc IS NULL", "Invalid comparator 'IS NULL' for metric 'acc'")]
    [InlineData("metrics.acc IN ('1')", "Invalid comparator 'IN' for metric 'acc'")]
    [InlineData("metrics.acc == 1", "Invalid comparator '=='")]
    [InlineData("metrics.acc <> 1", "Invalid comparator '<>'")]
    [InlineData("metrics.acc ! 1", "expected a comparator")]
    [InlineData("params.p > '1'", "Invalid comparator '>' for param 'p'")]
    [InlineData("params.p IN ('1')", "Invalid comparator 'IN' for param 'p'")]
    [InlineData("tags.t NOT LIKE 'x'", "found 'NOT LIKE'")]
    [InlineData("tags.t IS 'x'", "'IS' after 'tags.t' must be followed by NULL or NOT NULL")]
    [InlineData("tags.t IS NOT 'x'", "must be followed by NULL or NOT NULL")]
    [InlineData("start_time LIKE '1%'", "Invalid comparator 'LIKE' for numeric attribute 'start_time'")]
    [InlineData("run_name > 'a'", "Invalid comparator '>' for attribute 'run_name'")]
    [InlineData("run_name IS NULL", "Invalid comparator 'IS NULL' for attribute 'run_name'")]
    [InlineData("datasets.name > 'a'", "Invalid comparator '>' for dataset attribute 'name'")]
    // Values.
    [InlineData("metrics.acc > '0.9'", "Expected numeric value type for metric. Found '0.9'")]
    [InlineData("metrics.acc > \"0.9\"", "Expected numeric value type for metric. Found \"0.9\"")]
    [InlineData("metrics.acc >", "expected a value after 'metrics.acc >' but the filter ends")]
    [InlineData("metrics.acc > abc", "expected a number or a quoted string after 'metrics.acc >' but found 'abc'")]
    [InlineData("metrics.acc > 1abc", "found '1abc'")]
    [InlineData("metrics.acc > 1.2.3", "found '1.2.3'")]
    [InlineData("metrics.acc > 0x10", "found '0x10'")]
    [InlineData("metrics.acc > NaN", "found 'NaN'")]
    [InlineData("start_time > '5'", "Expected numeric value type for numeric attribute: start_time. Found '5'")]
    [InlineData("params.lr = 0.1", "Expected a quoted string value for param 'lr'")]
    [InlineData("tags.t = 5", "Expected a quoted string value for tag 't'")]
    [InlineData("run_name = 5", "Expected a quoted string value for attribute 'run_name'")]
    [InlineData("params.lr = lr", "found 'lr'")]
    [InlineData("params.lr = `x`", "found '`x`'")]
    [InlineData("params.lr = ('x')", "only allowed after IN or NOT IN")]
    [InlineData("run_id IN 'a'", "expects a parenthesised list")]
    [InlineData("run_id IN ()", "is empty")]
    [InlineData("run_id IN ('a', 1)", "may hold only quoted strings, but found '1'")]
    [InlineData("run_id IN ('a' 'b')", "expected ',' or ')'")]
    [InlineData("run_id IN ('a',", "is not closed")]
    [InlineData("run_id IN ('a'", "found the end of the filter")]
    [InlineData("run_id IN (('a'))", "may hold only quoted strings")]
    // Quotes.
    [InlineData("params.p = 'abc", "is not closed")]
    [InlineData("params.p = \"abc", "is not closed")]
    [InlineData("params.`p = 'abc'", "is not closed")]
    [InlineData("params.p = 'it\\'", "is not closed")]
    public void Parse_InvalidRunFilter_IsRejectedNamingTheProblem(string filter, string messagePart)
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.Parse(filter, SearchContext.Runs));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidAttribute_ListsValidKeys()
    {
        var ex = SearchAssert.Rejects(() => SearchFilterParser.Parse("acc > 0.9", SearchContext.Runs));
        Assert.Contains("'run_id'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'start_time'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("metrics.<key>", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'")]
    [InlineData("\"")]
    [InlineData("`")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData(",")]
    [InlineData("=")]
    [InlineData("metrics.")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("metrics.a > -")]
    [InlineData("metrics.a > 1e")]
    [InlineData("\0")]
    [InlineData("tags.t = 'x' AND")]
    [InlineData("NOT")]
    [InlineData("IS NULL")]
    [InlineData("tags.t IS")]
    [InlineData("tags.t NOT")]
    [InlineData("tags.t NOT IN")]
    [InlineData("run_id IN (")]
    [InlineData("((((((")]
    [InlineData("))))")]
    [InlineData("metrics.a > 1 )")]
    [InlineData("\\")]
    public void Parse_Garbage_OnlyEverThrowsInvalidParameter(string filter)
    {
        SearchAssert.Rejects(() => SearchFilterParser.Parse(filter, SearchContext.Runs));
    }

    [Fact]
    public void Parse_RandomInput_NeverThrowsAnythingButInvalidParameter()
    {
        // A small deterministic fuzz over the grammar's alphabet: every outcome is a parse or a CairnException.
        const string alphabet = "ab.`'\"()=!<>,; -_1e9%ANDORISNULTLIKE metrics.params.tags.";
        var random = new Random(12345);
        for (var n = 0; n < 20000; n++)
        {
            var chars = new char[random.Next(1, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var filter = new string(chars);
            foreach (var context in Enum.GetValues<SearchContext>())
            {
                try
                {
                    SearchFilterParser.Parse(filter, context);
                }
                catch (Cairn.Core.Errors.CairnException ex)
                {
                    Assert.Equal(Cairn.Core.Errors.ErrorCode.InvalidParameterValue, ex.Code);
                }
            }
        }
    }
}
