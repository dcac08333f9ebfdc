namespace Cairn.Monitoring.Statistics;

/// <summary>Horner evaluation with Cephes' coefficient order (highest degree first).</summary>
internal static class Polynomial
{
    /// <summary>c[0] x^n + ... + c[n] (Cephes <c>polevl</c>).</summary>
    public static double Evaluate(double x, ReadOnlySpan<double> coefficients)
    {
        var result = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }

    /// <summary>x^n + c[0] x^(n-1) + ... + c[n-1]: the leading 1 is implicit (Cephes <c>p1evl</c>).</summary>
    public static double EvaluateMonic(double x, ReadOnlySpan<double> coefficients)
    {
        var result = x + coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }
}
