using MarginEngine.Errors;

namespace MarginEngine.Scenarios;

/// <summary>
/// Skew scenarios (derive-pmrm.md §3.3; docs/methodology.md §Scenarios): spot unchanged, each option's vol multiplied
/// by <c>max(μ, 0)</c>, <c>μ = 1 + clamp(k x cap / k*, -cap, cap)</c>, k = ln(K / F) (linear) or |ln(K / F)| (absolute),
/// <c>cap = CBase x √T + BaseCap</c>, <c>k* = max(MinKStar, √T x WidthScale x (VolParamStatic + √T x VolParamScale))</c>.
/// Linear tilts the smile (strikes above the forward get more vol), absolute raises both wings.
/// </summary>
public sealed record SkewShock
{
    /// <summary>Creates skew-shock parameters; Derive's deployment defaults are 0.25, 0.25, -0.1, -0.1, 0.01, 4, 0.6, 0.</summary>
    /// <exception cref="InvalidMarginInputException">A value out of Derive's bounds.</exception>
    public SkewShock(double linearBaseCap, double absoluteBaseCap, double linearCBase, double absoluteCBase,
        double minKStar, double widthScale, double volParamStatic, double volParamScale)
    {
        LinearBaseCap = Check(linearBaseCap, 0, 10, "skew.linearBaseCap");
        AbsoluteBaseCap = Check(absoluteBaseCap, 0, 10, "skew.absoluteBaseCap");
        LinearCBase = Check(linearCBase, -10, 10, "skew.linearCBase");
        AbsoluteCBase = Check(absoluteCBase, -10, 10, "skew.absoluteCBase");
        MinKStar = Check(minKStar, 0, 10, "skew.minKStar");
        WidthScale = Check(widthScale, 0, 10, "skew.widthScale");
        VolParamStatic = Check(volParamStatic, 0, 10, "skew.volParamStatic");
        VolParamScale = Check(volParamScale, -20, 20, "skew.volParamScale");
        if (MinKStar == 0)
            throw new InvalidMarginInputException("skew.minKStar", "must be above 0");
    }

    /// <summary>Cap of the linear scenario at T = 0.</summary>
    public double LinearBaseCap { get; }

    /// <summary>Cap of the absolute scenario at T = 0.</summary>
    public double AbsoluteBaseCap { get; }

    /// <summary>Change of the linear cap per √year.</summary>
    public double LinearCBase { get; }

    /// <summary>Change of the absolute cap per √year.</summary>
    public double AbsoluteCBase { get; }

    /// <summary>Floor of k*, where the tilt reaches its cap.</summary>
    public double MinKStar { get; }

    /// <summary>Width scale of k*.</summary>
    public double WidthScale { get; }

    /// <summary>Static vol parameter of k*.</summary>
    public double VolParamStatic { get; }

    /// <summary>Vol parameter of k* per √year.</summary>
    public double VolParamScale { get; }

    /// <summary>How a skew cell's sign counts: as computed, loss only on the unit (default), or loss only per expiry (Derive).</summary>
    public SkewSign Sign { get; init; } = SkewSign.LossOnly;

    /// <summary>The vol multiplier max(μ, 0) of an option with log-moneyness ln(K / F) and <paramref name="years"/> to expiry.</summary>
    public double Multiplier(ScenarioKind kind, double logMoneyness, double years)
    {
        var rho = Math.Sqrt(Math.Max(years, 0));
        var linear = kind == ScenarioKind.SkewLinear;
        var cap = linear ? LinearCBase * rho + LinearBaseCap : AbsoluteCBase * rho + AbsoluteBaseCap;
        var kStar = Math.Max(MinKStar, rho * WidthScale * (VolParamStatic + rho * VolParamScale));
        var k = linear ? logMoneyness : Math.Abs(logMoneyness);
        var mu = k >= 0 ? 1 + Math.Min(cap, k * cap / kStar) : 1 + Math.Max(-cap, k * cap / kStar);
        return Math.Max(mu, 0);
    }

    private static double Check(double value, double min, double max, string field) =>
        double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw new InvalidMarginInputException(field, $"must be in [{min}, {max}] but was {Guard.Show(value)}");
}

/// <summary>How a skew scenario's P&amp;L counts (docs/methodology.md §Scenarios).</summary>
public enum SkewSign
{
    /// <summary>As computed: a gain may offset.</summary>
    AsComputed,

    /// <summary>-|P&amp;L| of the unit's skew cell.</summary>
    LossOnly,

    /// <summary>-|P&amp;L| of each expiry before the expiries are summed (Derive); needs a USD unit.</summary>
    LossOnlyPerExpiry,
}
