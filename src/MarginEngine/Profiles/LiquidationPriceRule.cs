namespace MarginEngine.Profiles;

/// <summary>How an isolated position's liquidation price is found (docs/methodology.md §Isolated).</summary>
public enum LiquidationPriceRule
{
    /// <summary>
    /// Binance: the price at which margin + P&amp;L equals the MM of the notional at that price
    /// (bracket re-solved, closing fee counted when fees count).
    /// </summary>
    MaintenanceAtLiquidationPrice,

    /// <summary>
    /// Bybit: MM on the position value at entry, <c>LP = entry x (1 - 1/leverage + MMR)</c> for a long,
    /// <c>entry x (1 + 1/leverage - MMR)</c> for a short (linear); a fully funded 1x long has one.
    /// </summary>
    MaintenanceAtEntry,
}
