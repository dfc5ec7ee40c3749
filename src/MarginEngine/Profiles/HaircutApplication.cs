namespace MarginEngine.Profiles;

/// <summary>Where a collateral haircut counts (docs/methodology.md §Collateral).</summary>
public enum HaircutApplication
{
    /// <summary>It lowers the collateral's value, so equity, MM coverage and IM coverage alike (OKX, Bybit, Binance).</summary>
    CollateralValue,

    /// <summary>Collateral counts at full value; the haircut is an IM charge only (Derive's IM haircut).</summary>
    InitialMarginOnly,
}
