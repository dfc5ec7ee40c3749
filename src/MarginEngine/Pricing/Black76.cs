using MarginEngine.Instruments;
using MathNet.Numerics;

namespace MarginEngine.Pricing;

/// <summary>
/// Black-76 on the forward, undiscounted (crypto options settle at expiry; rates are set to zero,
/// docs/methodology.md §Pricing). Prices are in USD per coin of underlying; an inverse (coin-settled)
/// option is worth <c>price / underlying price</c> coins. As T → 0 or vol → 0 the price tends to the
/// intrinsic value and the delta to a step.
/// </summary>
public static class Black76
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double InvSqrt2Pi = 0.3989422804014327;

    /// <summary>Standard normal cumulative distribution, through MathNet's complementary error function.</summary>
    public static double NormalCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Sqrt2);

    /// <summary>Standard normal density.</summary>
    public static double NormalPdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>Option price, USD per coin.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="forward">Forward (here: index) price, &gt; 0.</param>
    /// <param name="strike">Strike, &gt; 0.</param>
    /// <param name="volatility">Annualised volatility, &gt;= 0.</param>
    /// <param name="years">Time to expiry in years, &gt;= 0.</param>
    public static double Price(OptionRight right, double forward, double strike, double volatility, double years)
    {
        var stdDev = volatility * Math.Sqrt(Math.Max(years, 0));
        if (stdDev < 1e-12)
            return Intrinsic(right, forward, strike);
        var d1 = Math.Log(forward / strike) / stdDev + 0.5 * stdDev;
        var d2 = d1 - stdDev;
        return right == OptionRight.Call
            ? forward * NormalCdf(d1) - strike * NormalCdf(d2)
            : strike * NormalCdf(-d2) - forward * NormalCdf(-d1);
    }

    /// <summary>Intrinsic value: call max(F - K, 0), put max(K - F, 0).</summary>
    public static double Intrinsic(OptionRight right, double forward, double strike) =>
        right == OptionRight.Call ? Math.Max(forward - strike, 0) : Math.Max(strike - forward, 0);

    /// <summary>Sensitivities of one option per coin: delta (coins), gamma (per USD), vega (USD per 1.00 of vol), theta (USD per year, negative for decay).</summary>
    public static Greeks Greeks(OptionRight right, double forward, double strike, double volatility, double years)
    {
        var sqrtT = Math.Sqrt(Math.Max(years, 0));
        var stdDev = volatility * sqrtT;
        if (stdDev < 1e-12)
        {
            var itm = right == OptionRight.Call ? forward > strike : forward < strike;
            return new Greeks(itm ? (right == OptionRight.Call ? 1 : -1) : 0, 0, 0, 0);
        }

        var d1 = Math.Log(forward / strike) / stdDev + 0.5 * stdDev;
        var density = NormalPdf(d1);
        var delta = right == OptionRight.Call ? NormalCdf(d1) : NormalCdf(d1) - 1;
        return new Greeks(delta, density / (forward * stdDev), forward * density * sqrtT, -forward * density * volatility / (2 * sqrtT));
    }
}
