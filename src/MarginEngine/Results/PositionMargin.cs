namespace MarginEngine.Results;

/// <summary>
/// One position's line in a report. Amounts in USD, rounded per docs/numerics.md; prices in the
/// instrument's quote (USD per coin). Signs: P&amp;L positive = gain; margins positive.
/// </summary>
/// <param name="InstrumentId">Instrument.</param>
/// <param name="Quantity">Signed contracts (coins for spot).</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="MarkPrice">Mark price used.</param>
/// <param name="Notional">|exposure| at mark in USD (options: at index).</param>
/// <param name="UnrealisedPnl">Mark-to-market gain (+) or loss (-), USD; zero for options and spot (valued elsewhere).</param>
/// <param name="OptionValue">Value of a long option, USD (zero otherwise).</param>
/// <param name="BracketTier">Leverage bracket in force (1-based), or null where brackets do not apply.</param>
/// <param name="Leverage">Leverage used for IM, or null.</param>
/// <param name="InitialMargin">IM, USD, closing fee included when the profile counts it.</param>
/// <param name="MaintenanceMargin">MM, USD, closing fee included when the profile counts it.</param>
/// <param name="ClosingFee">Expected taker fee to close, USD (zero when fees do not count).</param>
/// <param name="IsIsolated">Whether the position has its own margin.</param>
/// <param name="MarginBalance">Isolated: allocated margin + unrealised P&amp;L, USD; null in the shared pool.</param>
/// <param name="LiquidationPrice">Mark at which equity backing the position meets MM; null when no positive price does.</param>
/// <param name="BankruptcyPrice">Isolated: mark at which its margin balance is zero; null otherwise.</param>
/// <param name="SettlementAsset">The asset the position settles in (the coin for inverse contracts).</param>
/// <param name="InitialMarginInSettlement">IM in the settlement asset, rounded up to its precision (coin for inverse contracts).</param>
/// <param name="MaintenanceMarginInSettlement">MM in the settlement asset, rounded up to its precision.</param>
public sealed record PositionMargin(
    string InstrumentId,
    decimal Quantity,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal Notional,
    decimal UnrealisedPnl,
    decimal OptionValue,
    int? BracketTier,
    decimal? Leverage,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    decimal ClosingFee,
    bool IsIsolated,
    decimal? MarginBalance,
    decimal? LiquidationPrice,
    decimal? BankruptcyPrice,
    string SettlementAsset,
    decimal InitialMarginInSettlement,
    decimal MaintenanceMarginInSettlement);
