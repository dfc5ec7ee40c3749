namespace MarginEngine.Profiles;

/// <summary>How short options are netted for the short-option contingency (docs/methodology.md §Add-ons).</summary>
public enum ShortOptionNetting
{
    /// <summary>Per series: expiry, strike and right.</summary>
    PerSeries,

    /// <summary>Per expiry and strike, calls and puts netted together (Deribit: "per net short option per strike").</summary>
    AcrossRightsAtStrike,
}

/// <summary>What the futures contingency is charged on (docs/methodology.md §Add-ons).</summary>
public enum FuturesContingencyBasis
{
    /// <summary>The gross of all perpetual and future legs.</summary>
    Gross,

    /// <summary>The offsetting (hedged) amount only: (gross - |net|) / 2 (Deribit: "for offsetting futures").</summary>
    Offsetting,
}

/// <summary>The price contingencies are sized at (docs/methodology.md §Add-ons).</summary>
public enum ContingencyPrice
{
    /// <summary>The underlying's index (Deribit; Derive sizes option and perp contingencies at spot).</summary>
    Spot,

    /// <summary>Each option's forward, each future's and perpetual's mark.</summary>
    Forward,
}

/// <summary>
/// Derive's basis (forward) contingency (derive-pmrm.md §5.1): per expiry, the options are revalued with the forward moved
/// by <paramref name="SpotUp"/> and <paramref name="SpotDown"/> (multipliers, vol held); the expiry's loss
/// <c>-min(ΔUp, ΔDown, 0) x (AddFactor + MultFactor x T)</c> summed over expiries is a floor the worst loss starts from.
/// </summary>
/// <param name="SpotUp">Spot multiplier up, e.g. 1.045.</param>
/// <param name="SpotDown">Spot multiplier down, e.g. 0.955.</param>
/// <param name="AddFactor">Flat factor, e.g. 0.5.</param>
/// <param name="MultFactor">Factor per year to expiry, e.g. 2.</param>
public sealed record BasisContingencyParameters(double SpotUp, double SpotDown, double AddFactor, double MultFactor);

/// <summary>
/// Derive's oracle-confidence contingency, IM only (derive-pmrm.md §5.4): when the underlying's price-source confidence c is
/// below <paramref name="Threshold"/>, <c>(1 - c) x Margin x N</c>, N the unit's gross perpetual, future, option and coin
/// holdings at the index. It applies under <see cref="LossFactors"/> (IM weight 1, MM weight 0 unless set).
/// </summary>
/// <param name="Threshold">Confidence below which it applies, e.g. 0.55.</param>
/// <param name="Margin">Factor, e.g. 1.</param>
public sealed record OracleContingencyParameters(double Threshold, double Margin);
