namespace MarginEngine.Profiles;

/// <summary>What counts as borrowed (docs/methodology.md §Collateral).</summary>
public enum BorrowBasis
{
    /// <summary>A negative wallet balance.</summary>
    NegativeBalance,

    /// <summary>
    /// The negative part of a currency's equity: balance + unrealised P&amp;L of the pooled positions
    /// settled in that currency (OKX MR8, unified accounts).
    /// </summary>
    NegativeCurrencyEquity,
}
