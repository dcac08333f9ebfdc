using Cairn.Data.Formats;
using Cairn.Data.Profiling;
using Cairn.Data.Serialization;
using Cairn.Data.Tables;
using Cairn.Data.Validation;

namespace Cairn.Data.Tests.Validation;

public sealed class ValidationTests
{
    private static async Task<ValidationReport> ValidateAsync(string csv, ValidationSchema schema, ValidationMode mode = ValidationMode.Schema) =>
        await DatasetValidator.ValidateAsync(TestFiles.Text(csv), DataFormat.Csv, schema, mode, "schema");

    private static ValidationSchema Schema(params ColumnSchema[] columns) => new() { Columns = columns };

    [Fact]
    public async Task Penguins_WithASchemaForbiddingMissingValues_ReportsEveryNaColumn()
    {
        var (inferred, _) = await TestFiles.ProfileFileAsync("penguins.csv");
        var strict = new ValidationSchema { Columns = [.. inferred.Columns.Select(c => c with { Nullable = false })] };

        await using var file = File.OpenRead(TestFiles.Path("penguins.csv"));
        var report = await DatasetValidator.ValidateAsync(file, DataFormat.Csv, strict, ValidationMode.Schema, "schema");

        Assert.False(report.Passed);
        var missing = report.Failures.Where(f => f.Rule == ValidationRules.MissingValues).ToDictionary(f => f.Column!);
        Assert.Equal(["bill_depth_mm", "bill_length_mm", "body_mass_g", "flipper_length_mm", "sex"], missing.Keys.Order());
        Assert.Equal(11, missing["sex"].Count);
        Assert.Equal(2, missing["body_mass_g"].Count);
        Assert.All(missing.Values, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(new ValidationExample(4, "NA"), missing["bill_length_mm"].Examples[0]);
        Assert.Equal(5, report.Errors);
    }

    [Fact]
    public async Task Penguins_AgainstItsOwnInferredSchema_Passes()
    {
        var (inferred, _) = await TestFiles.ProfileFileAsync("penguins.csv");

        await using var file = File.OpenRead(TestFiles.Path("penguins.csv"));
        var report = await DatasetValidator.ValidateAsync(file, DataFormat.Csv, ValidationSchema.From(inferred), ValidationMode.Schema, "schema");

        Assert.True(report.Passed);
        Assert.Empty(report.Failures);
        Assert.Equal(344, report.RowCount);
    }

    [Fact]
    public async Task EveryBrokenRule_IsReported_NotJustTheFirst()
    {
        var schema = new ValidationSchema
        {
            Columns =
            [
                new ColumnSchema("id", ColumnType.Numeric),
                new ColumnSchema("age", ColumnType.Numeric) { Min = 0, Max = 120, Nullable = true, MaxMissingRate = 0.2 },
                new ColumnSchema("color", ColumnType.Categorical) { Categories = ["red", "blue"] },
                new ColumnSchema("active", ColumnType.Boolean),
                new ColumnSchema("when", ColumnType.DateTime),
                new ColumnSchema("gone", ColumnType.Text),
            ],
            MinRows = 10,
            Key = ["id"],
            AllowExtraColumns = false,
        };
        var csv = "id,age,color,active,when,extra\n"
            + "1,30,red,true,2020-01-01,x\n"
            + "2,-5,green,maybe,yesterday,x\n"
            + "2,NA,blue,false,2020-01-02,x\n"
            + "x,200,purple,true,2020-01-03,x\n"
            + "4,NA,green,true,2020-01-04,x\n";

        var report = await ValidateAsync(csv, schema);

        var rules = report.Failures.Select(f => (f.Rule, f.Column)).ToHashSet();
        Assert.Contains((ValidationRules.MissingColumn, "gone"), rules);
        Assert.Contains((ValidationRules.ExtraColumn, "extra"), rules);
        Assert.Contains((ValidationRules.TypeMismatch, "id"), rules);
        Assert.Contains((ValidationRules.TypeMismatch, "active"), rules);
        Assert.Contains((ValidationRules.TypeMismatch, "when"), rules);
        Assert.Contains((ValidationRules.MissingRate, "age"), rules);
        Assert.Contains((ValidationRules.OutOfRange, "age"), rules);
        Assert.Contains((ValidationRules.UnseenCategory, "color"), rules);
        Assert.Contains((ValidationRules.RowCount, null), rules);
        Assert.Contains((ValidationRules.DuplicateKey, "id"), rules);
        Assert.All(report.Failures, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(10, report.Errors);

        var range = report.Failures.Single(f => f.Rule == ValidationRules.OutOfRange);
        Assert.Equal(2, range.Count);
        Assert.Equal([new ValidationExample(2, "-5"), new ValidationExample(4, "200")], range.Examples);
        var unseen = report.Failures.Single(f => f.Rule == ValidationRules.UnseenCategory);
        Assert.Equal(3, unseen.Count);
        Assert.Contains("'green' (2)", unseen.Message);
        var duplicate = report.Failures.Single(f => f.Rule == ValidationRules.DuplicateKey);
        Assert.Equal(new ValidationExample(3, "2"), duplicate.Examples.Single());
        Assert.Equal(0.4, double.Parse(report.Failures.Single(f => f.Rule == ValidationRules.MissingRate).Message.Split(' ')[2].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100, 6);
    }

    [Fact]
    public async Task ExtraColumns_AreWarningsByDefault()
    {
        var report = await ValidateAsync("a,b\n1,2\n", Schema(new ColumnSchema("a", ColumnType.Numeric)));

        Assert.True(report.Passed);
        Assert.Equal(1, report.Warnings);
        Assert.Equal(ValidationRules.ExtraColumn, report.Failures.Single().Rule);
    }

    [Fact]
    public async Task NumericCategories_MatchTheirNormalisedForm()
    {
        var schema = Schema(new ColumnSchema("year", ColumnType.Categorical) { Categories = ["2007", "2008"] });

        var report = await ValidateAsync("year\n2007\n2008.0\n2009\n", schema);

        Assert.Equal(1, report.Failures.Single(f => f.Rule == ValidationRules.UnseenCategory).Count);
    }

    [Fact]
    public async Task RowCountBounds_AreChecked()
    {
        var schema = new ValidationSchema { Columns = [new ColumnSchema("a", ColumnType.Numeric)], MaxRows = 1 };

        var report = await ValidateAsync("a\n1\n2\n", schema);

        var failure = report.Failures.Single();
        Assert.Equal(ValidationRules.RowCount, failure.Rule);
        Assert.Contains("at most 1", failure.Message);
    }

    [Fact]
    public async Task AgainstAReference_DriftFindingsAreWarnings_StructuralOnesErrors()
    {
        var (schema, profile) = await TestFiles.ProfileCsvAsync("x,c\n1,a\n2,b\n3,a\n4,b\n5,a\n");
        var expected = ValidationSchema.FromReference(schema, profile);

        var report = await ValidateAsync("x,c\n0,a\n9,z\nabc,b\n", expected, ValidationMode.Reference);

        Assert.Equal(Severity.Warning, report.Failures.Single(f => f.Rule == ValidationRules.OutOfRange).Severity);
        Assert.Equal(Severity.Warning, report.Failures.Single(f => f.Rule == ValidationRules.UnseenCategory).Severity);
        Assert.Equal(Severity.Error, report.Failures.Single(f => f.Rule == ValidationRules.TypeMismatch).Severity);
        Assert.Equal(1, report.Errors);
    }

    [Fact]
    public async Task JsonLines_LateKeys_CountAsMissingForEarlierRows()
    {
        var schema = Schema(new ColumnSchema("a", ColumnType.Numeric), new ColumnSchema("b", ColumnType.Numeric));

        var report = await DatasetValidator.ValidateAsync(TestFiles.Text("{\"a\":1}\n{\"a\":2,\"b\":3}\n"), DataFormat.JsonLines, schema, ValidationMode.Schema, "schema");

        Assert.Equal(1, report.Failures.Single(f => f.Rule == ValidationRules.MissingValues && f.Column == "b").Count);
    }

    [Fact]
    public void SchemaJson_AcceptsAliasesAndRejectsNonsenseNamingTheField()
    {
        var schema = DataJson.ParseValidationSchema("""{"columns":[{"name":"a","type":"integer","min":0},{"name":"b","type":"string"}],"key":["a"],"min_rows":1}""");

        Assert.Equal(ColumnType.Numeric, schema.Columns[0].Type);
        Assert.Equal(ColumnType.Text, schema.Columns[1].Type);
        Assert.Equal(["a"], schema.Key!);

        var badType = Assert.Throws<Cairn.Core.Errors.CairnException>(() => DataJson.ParseValidationSchema("""{"columns":[{"name":"a","type":"blob"}]}"""));
        Assert.Contains("columns[0].type", badType.Message);
        var badRate = Assert.Throws<Cairn.Core.Errors.CairnException>(() => DataJson.ParseValidationSchema("""{"columns":[{"name":"a","type":"text","max_missing_rate":2}]}"""));
        Assert.Contains("columns[0].max_missing_rate", badRate.Message);
        Assert.Throws<Cairn.Core.Errors.CairnException>(() => DataJson.ParseValidationSchema("{not json"));
    }

    [Fact]
    public async Task StoredSchemaJson_RoundTrips()
    {
        var (schema, profile) = await TestFiles.ProfileFileAsync("penguins.csv");

        var schemaBack = DataJson.ParseSchema(DataJson.Serialize(schema));
        var profileBack = DataJson.ParseProfile(DataJson.Serialize(profile));

        Assert.Equal(schema.Columns.Select(c => (c.Name, c.Type, c.Nullable)), schemaBack.Columns.Select(c => (c.Name, c.Type, c.Nullable)));
        Assert.Equal(schema.Find("species")!.Categories!, schemaBack.Find("species")!.Categories!);
        Assert.Equal(profile.Find("body_mass_g")!.Quantiles, profileBack.Find("body_mass_g")!.Quantiles);
        Assert.Contains("\"type\":\"categorical\"", DataJson.Serialize(schema));
        Assert.IsType<DatasetProfile>(profileBack);
    }
}
