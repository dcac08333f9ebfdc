using Cairn.Core.Monitoring;
using Cairn.Data.Values;
using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Drift;

public static partial class DriftCalculator
{
    /// <summary>Above this many distinct reference values Evidently bins numbers by Sturges for PSI/JS (else by value).</summary>
    private const int SturgesMinimumReferenceDistinct = 20;

    private static ColumnDrift TestNumeric(DriftReferenceColumn reference, DriftCurrentColumn current, DriftOptions options)
    {
        var r = SortedSamples.Reference(reference.Values!);
        var c = SortedSamples.FiniteSorted(current.Values ?? SortedSamples.Parse(current.Categories));
        if (r.Length == 0)
        {
            return Skip(reference, "numeric", c.Length, "no reference values");
        }

        if (c.Length == 0)
        {
            return Skip(reference, "numeric", 0, "no current values");
        }

        var distinct = SortedSamples.CountDistinct(r, c, CategoricalLikeDistinct + 1);
        var byValue = distinct <= CategoricalLikeDistinct;
        var defaultMethod = reference.RowCount <= SmallReferenceRows
            ? byValue ? distinct > 2 ? DriftMethods.ChiSquare : DriftMethods.Z : DriftMethods.Ks
            : byValue ? DriftMethods.JensenShannon : DriftMethods.Wasserstein;
        var (method, threshold) = Choose(reference, numericColumn: true, defaultMethod, options);

        var referenceMean = Moments.Mean(r);
        var referenceStd = Moments.PopulationStd(r, referenceMean);
        double score, statistic;
        switch (method)
        {
            case DriftMethods.Ks:
                var ks = KolmogorovSmirnov.TestSorted(r, c);
                (statistic, score) = (ks.Statistic, ks.PValue);
                break;
            case DriftMethods.Wasserstein:
                statistic = Wasserstein.DistanceSorted(r, c);
                score = Wasserstein.Normed(statistic, referenceStd);
                break;
            case DriftMethods.ChiSquare or DriftMethods.Z:
                var (keys, referenceByValue, currentByValue) = SortedSamples.ByValue(r, c);
                (statistic, score) = method == DriftMethods.Z
                    ? ZTest(referenceByValue, r.Length, currentByValue, c.Length)
                    : ChiSquare.GoodnessOfFit(referenceByValue, currentByValue);
                break;
            default:
                var (referenceBins, currentBins) = Binned(r, c);
                statistic = score = method == DriftMethods.Psi
                    ? Psi.FromCounts(referenceBins, r.Length, currentBins, c.Length)
                    : JensenShannon.FromCounts(referenceBins, r.Length, currentBins, c.Length);
                break;
        }

        var drift = new ColumnDrift
        {
            Column = reference.Name,
            Type = byValue ? "categorical" : "numeric",
            Method = method,
            Score = score,
            Statistic = statistic,
            Threshold = threshold,
            IsPValue = DriftMethods.IsPValue(method),
            Drifted = DriftMethods.Drifted(method, score, threshold),
            ReferenceCount = reference.RowCount,
            CurrentCount = c.Length,
            ReferenceMean = referenceMean,
            ReferenceStd = referenceStd,
            CurrentMean = Moments.Mean(c),
        };
        return byValue ? WithValueHistogram(drift, r, c) : WithNumericHistogram(drift, r, c);
    }

    /// <summary>Evidently's <c>get_binned_data</c> for numbers: Sturges bins over both sides when the reference
    /// has more than 20 distinct values, else one bin per value.</summary>
    private static (long[] Reference, long[] Current) Binned(double[] r, double[] c)
    {
        if (SortedSamples.CountDistinct(r, SturgesMinimumReferenceDistinct + 1) > SturgesMinimumReferenceDistinct)
        {
            var edges = SturgesBins.Edges(Math.Min(r[0], c[0]), Math.Max(r[^1], c[^1]), (long)r.Length + c.Length);
            return (SturgesBins.Count(r, edges), SturgesBins.Count(c, edges));
        }

        var (_, reference, current) = SortedSamples.ByValue(r, c);
        return (reference, current);
    }

    /// <summary>Evidently's z-test: the first (smallest) value against the rest.</summary>
    private static (double Z, double PValue) ZTest(long[] reference, long referenceSize, long[] current, long currentSize) =>
        TwoProportionZTest.Test(referenceSize - reference[0], referenceSize, currentSize - current[0], currentSize);

    private static ColumnDrift WithNumericHistogram(ColumnDrift drift, double[] r, double[] c)
    {
        double min = Math.Min(r[0], c[0]), max = Math.Max(r[^1], c[^1]);
        var edges = SturgesBins.Edges(min, max, (long)r.Length + c.Length);
        if (edges.Length - 1 > MaxDisplayBins)
        {
            edges = SturgesBins.EqualWidthEdges(min, max, MaxDisplayBins);
        }

        return drift with { BinEdges = edges, ReferenceCounts = SturgesBins.Count(r, edges), CurrentCounts = SturgesBins.Count(c, edges) };
    }

    private static ColumnDrift WithValueHistogram(ColumnDrift drift, double[] r, double[] c)
    {
        var (keys, reference, current) = SortedSamples.ByValue(r, c);
        var names = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            names[i] = CellParser.FormatNumber(keys[i]);
        }

        return drift with { Categories = names, ReferenceCounts = reference, CurrentCounts = current };
    }
}
