using MarginEngine.Errors;

namespace MarginEngine.Scenarios;

/// <summary>
/// Term-scaled vol shocks of the risk-matrix family (methods.md §3): for an option of DTE days,
/// <c>up = base x (1 + UpRange x (30 / max(DTE, floor))^p)</c>, <c>down = iv x (1 - DownRange x (30 / max(DTE, floor))^p)</c>,
/// p = <see cref="ShortTermPower"/> when DTE &lt;= <see cref="TermThresholdDays"/> else <see cref="LongTermPower"/>,
/// floor = <see cref="DteFloorDays"/>; <see cref="MinVolatilityForShockUp"/> floors the vol the up shock starts from
/// (Deribit, inferred) or, with <see cref="FloorAfterShockUp"/>, the shocked vol (Derive); a down shock never goes below 1% vol.
/// </summary>
public sealed record VolShock
{
    /// <summary>Lowest vol a down shock can reach.</summary>
    public const double FloorVolatility = 0.01;

    /// <summary>Creates vol-shock parameters.</summary>
    /// <exception cref="InvalidMarginInputException">A range or power outside [0, 1] (down) or [0, 10] (up), or non-positive threshold.</exception>
    public VolShock(double upRange, double downRange, double shortTermPower = 0.3, double longTermPower = 0.13,
        double termThresholdDays = 30, double minVolatilityForShockUp = 0)
    {
        UpRange = upRange;
        DownRange = downRange;
        ShortTermPower = shortTermPower;
        LongTermPower = longTermPower;
        TermThresholdDays = termThresholdDays;
        MinVolatilityForShockUp = minVolatilityForShockUp;
    }

    /// <summary>Relative up shock at 30 days (0.5 = +50%).</summary>
    public double UpRange { get; init => field = Check(value, 0, 10, "volShock.upRange"); }

    /// <summary>Relative down shock at 30 days.</summary>
    public double DownRange { get; init => field = Check(value, 0, 1, "volShock.downRange"); }

    /// <summary>Term power up to the threshold (0.3).</summary>
    public double ShortTermPower { get; init => field = Check(value, 0, 10, "volShock.shortTermPower"); }

    /// <summary>Term power beyond the threshold (0.13).</summary>
    public double LongTermPower { get; init => field = Check(value, 0, 10, "volShock.longTermPower"); }

    /// <summary>Days at which the power switches and the scale is 1 (30).</summary>
    public double TermThresholdDays { get; init => field = Guard.FinitePositive(value, "volShock.termThresholdDays"); }

    /// <summary>Days-to-expiry floor of the term scale (1 day by default; Derive's DTE_FLOOR).</summary>
    public double DteFloorDays { get; init => field = Guard.FinitePositive(value, "volShock.dteFloorDays"); } = 1;

    /// <summary>Apply <see cref="MinVolatilityForShockUp"/> to the shocked vol (Derive) instead of the vol the shock starts from (Deribit).</summary>
    public bool FloorAfterShockUp { get; init; }

    /// <summary>Floor of the vol an up shock starts from (Deribit's minVolatilityForShockUp), or of the shocked vol with <see cref="FloorAfterShockUp"/>.</summary>
    public double MinVolatilityForShockUp { get; init => field = Guard.FiniteNonNegative(value, "volShock.minVolatilityForShockUp"); }

    /// <summary>Shocked vol of an option with implied vol <paramref name="iv"/> and <paramref name="daysToExpiry"/> days left.</summary>
    /// <param name="iv">Implied vol.</param>
    /// <param name="daysToExpiry">Days to expiry.</param>
    /// <param name="state">Up, same or down.</param>
    /// <param name="fraction">Share of the shock applied (1 = full), for grids with intermediate vol levels.</param>
    public double Apply(double iv, double daysToExpiry, VolState state, double fraction = 1.0) =>
        ApplyScaled(iv, state == VolState.Same ? 1 : TermScale(daysToExpiry), state, fraction);

    /// <summary>The term scale <c>(30 / max(DTE, DteFloorDays))^p</c> of an option with <paramref name="daysToExpiry"/> days left.</summary>
    public double TermScale(double daysToExpiry)
    {
        var days = Math.Max(daysToExpiry, DteFloorDays);
        return Math.Pow(TermThresholdDays / days, days <= TermThresholdDays ? ShortTermPower : LongTermPower);
    }

    /// <summary>Shocked vol given the option's precomputed <see cref="TermScale"/> (hoisted out of scenario loops).</summary>
    public double ApplyScaled(double iv, double termScale, VolState state, double fraction = 1.0) => state switch
    {
        VolState.Same => iv,
        VolState.Up => FloorAfterShockUp
            ? Math.Max(MinVolatilityForShockUp, iv * (1 + fraction * UpRange * termScale))
            : Math.Max(iv, MinVolatilityForShockUp) * (1 + fraction * UpRange * termScale),
        _ => Math.Max(iv * (1 - fraction * DownRange * termScale), FloorVolatility),
    };

    private static double Check(double value, double min, double max, string field) =>
        double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw new InvalidMarginInputException(field, $"must be in [{min}, {max}] but was {Guard.Show(value)}");
}
