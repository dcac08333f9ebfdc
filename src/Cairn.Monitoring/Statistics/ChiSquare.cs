namespace Cairn.Monitoring.Statistics;

/// <summary>
/// Pearson chi-square goodness of fit as Evidently's <c>chisquare</c> drift test calls SciPy's
/// <c>chisquare(f_obs=current, f_exp=reference · n_cur/n_ref)</c>: Σ (obs - exp)²/exp with k - 1 degrees
/// of freedom. A category the reference never saw but the current has gives χ² = ∞ and p = 0, as in SciPy.
/// </summary>
public static class ChiSquare
{
    /// <summary>Tests current counts against reference counts scaled to the current total.</summary>
    /// <remarks>With a single category there is nothing to test: χ² = 0 and p = 1 (SciPy would return NaN).</remarks>
    public static (double Statistic, double PValue) GoodnessOfFit(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        if (reference.Length != current.Length)
        {
            throw new ArgumentException("reference and current need one count per category");
        }

        long referenceTotal = 0, currentTotal = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            referenceTotal += reference[i];
            currentTotal += current[i];
        }

        if (referenceTotal <= 0 || currentTotal <= 0)
        {
            throw new ArgumentException("chi-square needs at least one reference and one current value");
        }

        var scale = (double)currentTotal / referenceTotal;
        var statistic = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var expected = reference[i] * scale;
            if (expected == 0 && current[i] == 0)
            {
                continue; // a category neither side has contributes nothing (SciPy would give NaN)
            }

            var difference = current[i] - expected;
            statistic += difference * difference / expected;
        }

        if (reference.Length < 2)
        {
            return (0.0, 1.0);
        }

        return (statistic, Gamma.ChiSquareSf(statistic, reference.Length - 1));
    }
}
