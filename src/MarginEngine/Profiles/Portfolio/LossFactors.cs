using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>
/// Derive-style independent loss factors (docs/methodology.md §Loss factors): per unit
/// <c>MM = Maintenance x worst loss + Σ add-on x its MM weight</c>,
/// <c>IM = Initial x worst loss + Σ add-on x its IM weight + open orders</c>; add-ons are not scaled by
/// the factors (<see cref="AddOnParameters.Weights"/> says where each counts). Units add up: no cross-unit offset.
/// </summary>
public sealed record LossFactors
{
    /// <summary>Creates the factors.</summary>
    /// <exception cref="InvalidMarginInputException">A factor outside (0, 10].</exception>
    public LossFactors(double maintenance, double initial)
    {
        Maintenance = maintenance;
        Initial = initial;
    }

    /// <summary>Factor on the worst loss in MM (Derive 0.8).</summary>
    public double Maintenance { get; init => field = Check(value, "portfolio.lossFactors.maintenance"); }

    /// <summary>Factor on the worst loss in IM (Derive 1.0).</summary>
    public double Initial { get; init => field = Check(value, "portfolio.lossFactors.initial"); }

    /// <summary>Derive's stablecoin depeg, IM only: raises <see cref="Initial"/> while the stablecoin trades below a threshold; or null.</summary>
    public StablecoinDepegFactor? Depeg
    {
        get;
        init => field = value is null || (!string.IsNullOrWhiteSpace(value.Stablecoin) && value.Threshold > 0 && value.Threshold <= 2
            && double.IsFinite(value.Factor) && value.Factor >= 0 && value.Factor <= 10)
            ? value
            : throw new InvalidMarginInputException("portfolio.lossFactors.depeg", "needs a stablecoin id, a threshold in (0, 2] and a factor in [0, 10]");
    }

    /// <summary>The factors in force at <paramref name="market"/>: the IM factor raised by the depeg when the stablecoin is below its threshold.</summary>
    internal LossFactors At(MarketData.MarketSnapshot market)
    {
        if (Depeg is not { } depeg)
            return this;
        var price = market.GetIndexPrice(depeg.Stablecoin);
        return price < depeg.Threshold ? this with { Initial = Initial + (depeg.Threshold - price) * depeg.Factor, Depeg = null } : this with { Depeg = null };
    }

    private static double Check(double value, string field) =>
        value > 0 && value <= 10 ? value : throw new InvalidMarginInputException(field, $"must be in (0, 10] but was {Guard.Show(value)}");
}

/// <summary>
/// Derive's IM-only stablecoin depeg (derive-pmrm.md §5.5): the IM loss factor rises by
/// <c>(Threshold - stablecoin index) x Factor</c> while the stablecoin's index is below <paramref name="Threshold"/>.
/// </summary>
/// <param name="Stablecoin">Asset id of the cash stablecoin, e.g. <c>USDC</c>.</param>
/// <param name="Threshold">Peg-loss threshold, e.g. 0.99.</param>
/// <param name="Factor">Peg-loss factor, e.g. 4.</param>
public sealed record StablecoinDepegFactor(string Stablecoin, double Threshold, double Factor);

/// <summary>Where an add-on counts under <see cref="LossFactors"/>: its amount times each weight (1 and 1 by default).</summary>
/// <param name="Maintenance">Weight in MM (0 = IM only).</param>
/// <param name="Initial">Weight in IM (Derive's IM contingencies: the MM percent plus the IM increment, as a multiple of the amount).</param>
public sealed record AddOnWeights(double Maintenance, double Initial)
{
    /// <summary>In MM and IM, in full.</summary>
    public static AddOnWeights Both { get; } = new(1, 1);

    /// <summary>In IM only.</summary>
    public static AddOnWeights InitialOnly { get; } = new(0, 1);
}
