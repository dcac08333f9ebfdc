using Cairn.Data.Tables;

namespace Cairn.Data.Tests.Profiling;

public sealed class InferenceTests
{
    [Fact]
    public async Task SeattleWeather_HasADateColumnAndFiveWeatherCategories()
    {
        var (schema, profile) = await TestFiles.ProfileFileAsync("seattle-weather.csv");

        Assert.Equal(1461, profile.RowCount);
        Assert.Equal(ColumnType.DateTime, schema.Find("date")!.Type);
        Assert.Equal(new DateTime(2012, 1, 1, 0, 0, 0, DateTimeKind.Utc), profile.Find("date")!.MinTime);
        Assert.Equal(new DateTime(2015, 12, 31, 0, 0, 0, DateTimeKind.Utc), profile.Find("date")!.MaxTime);
        var weather = schema.Find("weather")!;
        Assert.Equal(ColumnType.Categorical, weather.Type);
        Assert.Equal(["drizzle", "fog", "rain", "snow", "sun"], weather.Categories!);
        Assert.Equal(("rain", 641L), (profile.Find("weather")!.CategoryCounts![0].Value, profile.Find("weather")!.CategoryCounts![0].Count));
        Assert.Equal(ColumnType.Numeric, schema.Find("temp_max")!.Type);
        Assert.False(schema.Find("temp_max")!.IsInteger);
        Assert.False(schema.Find("temp_max")!.Nullable);
        var tempMax = profile.Find("temp_max")!;
        Assert.Equal(-1.6, tempMax.Min);
        Assert.Equal(35.6, tempMax.Max);
        Assert.Equal(16.43908281998631, tempMax.Mean!.Value, 10);
        Assert.Equal(7.349758097360177, tempMax.Std!.Value, 10);
    }

    [Fact]
    public async Task Penguins_NaCellsMakeColumnsNullable()
    {
        var (schema, profile) = await TestFiles.ProfileFileAsync("penguins.csv");

        Assert.Equal(344, profile.RowCount);
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], schema.Find("species")!.Categories!);
        Assert.False(schema.Find("species")!.Nullable);
        var sex = schema.Find("sex")!;
        Assert.Equal(ColumnType.Categorical, sex.Type);
        Assert.True(sex.Nullable);
        Assert.Equal(["female", "male"], sex.Categories!);
        Assert.Equal(11, profile.Find("sex")!.Missing);
        Assert.Equal(11 / 344.0, profile.Find("sex")!.MissingRate, 12);
        Assert.Equal(2, profile.Find("bill_length_mm")!.Missing);
        Assert.Equal(ColumnType.Numeric, schema.Find("body_mass_g")!.Type);
        Assert.True(schema.Find("body_mass_g")!.IsInteger);
        Assert.True(schema.Find("year")!.IsInteger);
        Assert.False(schema.Find("year")!.Nullable);
        Assert.Equal(3, profile.Find("year")!.Distinct);
    }

    [Fact]
    public async Task BreastCancer_ThirtyNumericFeaturesAndABinaryLabel()
    {
        var (schema, profile) = await TestFiles.ProfileFileAsync("breast-cancer.csv");

        Assert.Equal(569, profile.RowCount);
        Assert.Equal(31, schema.Columns.Count);
        Assert.Equal(30, schema.Columns.Count(c => c.Type == ColumnType.Numeric));
        Assert.Equal(["benign", "malignant"], schema.Find("diagnosis")!.Categories!);
        Assert.All(schema.Columns, c => Assert.False(c.Nullable));
    }

    [Fact]
    public async Task CarsJsonArray_NullsDatesAndFreeText()
    {
        var (schema, profile) = await TestFiles.ProfileFileAsync("cars.json");

        Assert.Equal(406, profile.RowCount);
        Assert.Equal(ColumnType.Text, schema.Find("Name")!.Type);
        Assert.Equal(ColumnType.DateTime, schema.Find("Year")!.Type);
        Assert.Equal(["Europe", "Japan", "USA"], schema.Find("Origin")!.Categories!);
        Assert.True(schema.Find("Miles_per_Gallon")!.Nullable);
        Assert.True(profile.Find("Miles_per_Gallon")!.Missing > 0);
    }

    [Fact]
    public async Task Wages_ZeroOneColumnsStayNumericAndWordsAreCategories()
    {
        var (schema, _) = await TestFiles.ProfileFileAsync("wages-1985.csv");

        Assert.Equal(ColumnType.Numeric, schema.Find("south")!.Type);
        Assert.Equal(ColumnType.Categorical, schema.Find("occupation")!.Type);
        Assert.Equal(ColumnType.Categorical, schema.Find("gender")!.Type);
    }

    [Theory]
    [InlineData("true\nfalse\nTRUE\nNA\n", ColumnType.Boolean)]
    [InlineData("2020-01-01T10:00:00Z\n2020-01-02 11:30:00\n2020-01-03T00:00:00+02:00\n", ColumnType.DateTime)]
    [InlineData("1\n2.5\n-3e2\n", ColumnType.Numeric)]
    [InlineData("1\n2\nx\n", ColumnType.Text)]
    [InlineData("NA\n\nnull\n", ColumnType.Text)]
    [InlineData("2020-13-01\n2020-01-01\n2020-01-02\n2020-01-03\n2020-01-04\n", ColumnType.Text)]
    public async Task SingleColumn_IsTypedByItsValues(string values, ColumnType expected)
    {
        var (schema, _) = await TestFiles.ProfileCsvAsync("v\n" + values);

        Assert.Equal(expected, schema.Columns[0].Type);
    }

    [Fact]
    public async Task FewRepeatedWords_AreCategorical_ManyDistinctWords_AreText()
    {
        var few = "v\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue")}\n"));
        var many = "v\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"word{i}\n"));

        Assert.Equal(ColumnType.Categorical, (await TestFiles.ProfileCsvAsync(few)).Schema.Columns[0].Type);
        Assert.Equal(ColumnType.Text, (await TestFiles.ProfileCsvAsync(many)).Schema.Columns[0].Type);
    }

    [Fact]
    public async Task DateTimes_AreNormalisedToUtc()
    {
        var (_, profile) = await TestFiles.ProfileCsvAsync("t\n2020-01-03T00:00:00+02:00\n2020-01-01T10:00:00Z\n");

        Assert.Equal(new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc), profile.Columns[0].MinTime);
        Assert.Equal(new DateTime(2020, 1, 2, 22, 0, 0, DateTimeKind.Utc), profile.Columns[0].MaxTime);
    }
}
