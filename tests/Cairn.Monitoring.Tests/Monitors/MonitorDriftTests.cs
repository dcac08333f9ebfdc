using System.Globalization;
using Cairn.Data.Profiling;
using Cairn.Data.Tables;
using Cairn.Monitoring.Drift;
using Cairn.Monitoring.Monitors;
using Cairn.Serving.Inference;
using Cairn.Serving.PredictionLog;
using Cairn.Testing;
using Cairn.Training;
using Cairn.Training.Bundles;

namespace Cairn.Monitoring.Tests.Monitors;

/// <summary>
/// The monitor's drift wiring on real data: a reference profiled from Seattle weather 2012–2013 and a
/// window of 2014–2015. Expected values from SciPy: ks_2samp p = 0.000223 (temp_max), 0.00100 (temp_min),
/// 0.368 (precipitation), 0.118 (wind); the weather labels' chi-square p = 8.4e-51.
/// </summary>
public sealed class MonitorDriftTests
{
    private static readonly string[] Numeric = ["precipitation", "temp_max", "temp_min", "wind"];
    private static readonly Lazy<List<string[]>> Csv = new(() =>
        [.. File.ReadLines(Repository.SeattleWeatherCsv).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))]);

    [Fact]
    public void Features_OfWarmerYears_DriftInTheTemperaturesOnly_AndSkipTheDate()
    {
        var drift = MonitorDrift.Features(Reference(), Window(), DriftOptions.Default);

        Assert.NotNull(drift);
        var columns = drift.Columns.ToDictionary(c => c.Column);
        Assert.Equal(MonitorDrift.DatetimeSkipped, columns["date"].Skipped);
        Assert.Equal(0.00022261555527613506, columns["temp_max"].Score, 6);
        Assert.Equal(0.0010037687745457625, columns["temp_min"].Score, 6);
        Assert.Equal(0.368271218208749, columns["precipitation"].Score, 6);
        Assert.Equal(0.11843591514650695, columns["wind"].Score, 6);
        Assert.Equal([true, true, false, false], new[] { "temp_max", "temp_min", "precipitation", "wind" }.Select(c => columns[c].Drifted));
        Assert.Equal((2, 0.5, true), (drift.DriftedColumns, drift.Share, drift.Drifted));
    }

    [Fact]
    public void Prediction_OfTheLaterYearsLabels_DriftsAgainstTheTrainingLabelCounts()
    {
        var drift = MonitorDrift.Prediction(Reference(), Window(), DriftOptions.Default);

        Assert.NotNull(drift);
        Assert.Equal((MonitorDrift.PredictionColumn, "chisquare", true), (drift.Column, drift.Method, drift.Drifted));
        Assert.True(drift.Score < 1e-40, $"p = {drift.Score}");
    }

    [Fact]
    public void Features_OfAnEmptyWindow_SkipEveryColumnWithoutTesting()
    {
        var drift = MonitorDrift.Features(Reference(), PredictionLogColumns.Empty, DriftOptions.Default);

        Assert.NotNull(drift);
        Assert.Equal(5, drift.Columns.Count);
        Assert.All(drift.Columns.Where(c => c.Column != "date"), c => Assert.Equal(MonitorDrift.EmptyWindow, c.Skipped));
        Assert.Equal((0, 0.0, false), (drift.DriftedColumns, drift.Share, drift.Drifted));
        Assert.Equal(MonitorDrift.EmptyWindow, MonitorDrift.Prediction(Reference(), PredictionLogColumns.Empty, DriftOptions.Default)!.Skipped);
    }

    private static ModelReference Reference()
    {
        var rows = Csv.Value.Where(r => string.CompareOrdinal(r[0], "2014") < 0).ToList();
        var columns = new List<DataColumn>
        {
            new() { Schema = new ColumnSchema("date", ColumnType.DateTime), Times = [.. rows.Select(r => (DateTime?)DateTime.Parse(r[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal))] },
        };
        columns.AddRange(NumericColumns(rows));
        columns.Add(new DataColumn { Schema = new ColumnSchema("weather", ColumnType.Categorical), Strings = [.. rows.Select(r => (string?)r[5])] });
        var manifest = new BundleManifest
        {
            Flavor = ModelFlavor.MlNet,
            Task = ModelTask.MulticlassClassification,
            Label = "weather",
            ClassLabels = ["drizzle", "fog", "rain", "snow", "sun"],
            Inputs = [new SignatureField("date", "datetime"), .. Numeric.Select(n => new SignatureField(n, "numeric"))],
            Outputs = [],
        };
        return new ModelReference(manifest, FeatureSchema.From(manifest), DatasetProfiler.Profile(new DataTable(columns)));
    }

    private static PredictionLogColumns Window()
    {
        var rows = Csv.Value.Where(r => string.CompareOrdinal(r[0], "2014") >= 0).ToList();
        return new PredictionLogColumns
        {
            RequestIds = [.. rows.Select((_, i) => "r" + i)],
            Timestamps = [.. rows.Select((_, i) => (long)i)],
            Variants = [.. rows.Select(_ => "main")],
            Shadow = new bool[rows.Count],
            Labels = [.. rows.Select(r => (string?)r[5])],
            Features = new DataTable(NumericColumns(rows)),
        };
    }

    private static List<DataColumn> NumericColumns(List<string[]> rows) =>
        [.. Numeric.Select((name, i) => new DataColumn
        {
            Schema = new ColumnSchema(name, ColumnType.Numeric), Numbers = [.. rows.Select(r => double.Parse(r[i + 1], CultureInfo.InvariantCulture))],
        })];
}
