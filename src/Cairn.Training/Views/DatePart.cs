namespace Cairn.Training.Views;

/// <summary>The parts a date column is featurized into (each a numeric feature).</summary>
internal enum DatePart
{
    Year,
    Month,
    DayOfYear,
    DayOfWeek,
}
