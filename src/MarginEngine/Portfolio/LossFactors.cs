using MarginEngine.Errors;

namespace MarginEngine.Portfolio;

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

    private static double Check(double value, string field) =>
        value > 0 && value <= 10 ? value : throw new InvalidMarginInputException(field, $"must be in (0, 10] but was {Guard.Show(value)}");
}

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
