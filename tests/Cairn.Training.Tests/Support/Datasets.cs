using Cairn.Data.Tables;

namespace Cairn.Training.Tests.Support;

/// <summary>The real data sets of the tests, loaded once per test process.</summary>
internal static class Datasets
{
    private static readonly Lazy<DataTable> SeattleTable = new(() => CsvTable.Load("seattle-weather.csv"));
    private static readonly Lazy<DataTable> BreastCancerTable = new(() => CsvTable.Load("breast-cancer.csv"));
    private static readonly Lazy<DataTable> WagesTable = new(() => CsvTable.Load("wages-1985.csv"));

    public static DataTable Seattle => SeattleTable.Value;

    /// <summary>2012–2013: the training years of the example.</summary>
    public static DataTable SeattleTrain => Seattle.Where(r => Seattle["date"].Times![r]!.Value.Year <= 2013);

    /// <summary>2014–2015: later data, with real label drift.</summary>
    public static DataTable SeattleTest => Seattle.Where(r => Seattle["date"].Times![r]!.Value.Year >= 2014);

    public static DataTable BreastCancer => BreastCancerTable.Value;

    public static DataTable BreastCancerTrain => BreastCancer.Where(r => r % 4 != 0);

    public static DataTable BreastCancerTest => BreastCancer.Where(r => r % 4 == 0);

    public static DataTable Wages => WagesTable.Value;

    public static DataTable WagesTrain => Wages.Where(r => r % 4 != 0);

    public static DataTable WagesTest => Wages.Where(r => r % 4 == 0);
}
