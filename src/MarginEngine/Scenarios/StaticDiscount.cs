using MarginEngine.Errors;

namespace MarginEngine.Scenarios;

/// <summary>
/// Derive's static discount of shocked option values (derive-pmrm.md §2.5; docs/methodology.md §Expiry aggregation): each
/// expiry's net shocked value X is scaled by <c>SDpos = LongBase x exp(-T (r x LongRateMult + LongRateAdd))</c> when
/// X ≥ 0, else by <c>SDneg = min(1 / D, ShortBase x exp(T (r x ShortRateMult + ShortRateAdd)))</c>, r the expiry's
/// discount rate and D its discount factor. Deployment defaults: 1.05, 0.95, 0, 0, 0.16, 0.16.
/// </summary>
public sealed record StaticDiscount
{
    /// <summary>Creates the static discount.</summary>
    /// <exception cref="InvalidMarginInputException">A value outside Derive's bounds ([0, 4] bases, [0, 10] scales).</exception>
    public StaticDiscount(double longBase, double shortBase, double longRateMult, double shortRateMult, double longRateAdd, double shortRateAdd)
    {
        LongBase = Check(longBase, 4, "staticDiscount.longBase");
        ShortBase = Check(shortBase, 4, "staticDiscount.shortBase");
        LongRateMult = Check(longRateMult, 10, "staticDiscount.longRateMult");
        ShortRateMult = Check(shortRateMult, 10, "staticDiscount.shortRateMult");
        LongRateAdd = Check(longRateAdd, 10, "staticDiscount.longRateAdd");
        ShortRateAdd = Check(shortRateAdd, 10, "staticDiscount.shortRateAdd");
    }

    /// <summary>Base factor on a positive expiry value.</summary>
    public double LongBase { get; }

    /// <summary>Base factor on a negative expiry value.</summary>
    public double ShortBase { get; }

    /// <summary>Rate multiplier of the long factor.</summary>
    public double LongRateMult { get; }

    /// <summary>Rate multiplier of the short factor.</summary>
    public double ShortRateMult { get; }

    /// <summary>Annual add-on of the long factor.</summary>
    public double LongRateAdd { get; }

    /// <summary>Annual add-on of the short factor.</summary>
    public double ShortRateAdd { get; }

    /// <summary>The factors (positive value, negative value) of an expiry <paramref name="years"/> away with discount factor <paramref name="discount"/>.</summary>
    public (double Positive, double Negative) Factors(double years, double discount)
    {
        var rate = years > 0 && discount > 0 ? -Math.Log(discount) / years : 0;
        var positive = LongBase * Math.Exp(-years * (rate * LongRateMult + LongRateAdd));
        var negative = Math.Min(1 / discount, ShortBase * Math.Exp(years * (rate * ShortRateMult + ShortRateAdd)));
        return (positive, negative);
    }

    private static double Check(double value, double max, string field) =>
        double.IsFinite(value) && value >= 0 && value <= max
            ? value
            : throw new InvalidMarginInputException(field, $"must be in [0, {max}] but was {Guard.Show(value)}");
}
