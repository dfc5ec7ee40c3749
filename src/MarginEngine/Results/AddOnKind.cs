namespace MarginEngine.Results;

/// <summary>The add-ons a risk unit can carry (docs/methodology.md §Add-ons).</summary>
public enum AddOnKind
{
    /// <summary>Futures roll: per expiry, |net delta| x index x max(exp(rate x T) - 1, floor).</summary>
    RollShock,

    /// <summary>Liquidity shock on |net delta| above a threshold.</summary>
    DeltaShock,

    /// <summary>Rate x naked short options (per series, or netted across rights at a strike) x index.</summary>
    ShortOptionContingency,

    /// <summary>Rate x perpetual and future coins (gross, or the offsetting amount only) x index.</summary>
    FuturesContingency,

    /// <summary>Rate x every option's coins, long and short (Deribit's older method).</summary>
    GrossOptionContingency,

    /// <summary>Floor on net and hedged delta (Paradex).</summary>
    MinimumDeltaCharge,

    /// <summary>SPAN short option minimum.</summary>
    ShortOptionMinimum,

    /// <summary>OKX MR2: time decay.</summary>
    ThetaDecay,

    /// <summary>OKX MR4: basis.</summary>
    Basis,

    /// <summary>OKX MR7: minimum charge by size tier.</summary>
    MinimumCharge,

    /// <summary>OKX MR9: stablecoin depeg on the hedged delta.</summary>
    StablecoinDepeg,

    /// <summary>Derive's basis (forward) contingency: a floor under the worst loss, not added to it.</summary>
    BasisContingency,

    /// <summary>Derive's oracle-confidence contingency, IM only.</summary>
    OracleContingency,
}
