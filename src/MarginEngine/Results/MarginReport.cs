using System.Collections.Immutable;
using NodaTime;

namespace MarginEngine.Results;

/// <summary>
/// An account's margin under one method: totals and every line that explains them. Amounts in USD,
/// rounded once per docs/numerics.md (requirements up, values down); totals are rounded from exact
/// sums, so they may differ from the sum of rounded lines by a cent per line. Equity, IM and MM cover
/// the whole account; margin balance, margin ratio and available balance the shared pool.
/// </summary>
/// <param name="Method">Isolated, cross or portfolio.</param>
/// <param name="Profile">Risk profile name.</param>
/// <param name="ValuationTime">Market snapshot instant.</param>
/// <param name="Collateral">Per-asset collateral lines.</param>
/// <param name="Positions">Per-position lines, shared pool first then isolated, each in account order.</param>
/// <param name="Orders">Per-order lines.</param>
/// <param name="Borrows">Per-borrow lines.</param>
/// <param name="Reserves">Reserves held as IM (Deribit's MMP margin, say).</param>
/// <param name="CollateralValue">Sum of haircut collateral, USD.</param>
/// <param name="IsolatedMargin">Margin allocated to isolated positions (held outside the balances), USD.</param>
/// <param name="UnrealisedPnl">Unrealised P&amp;L of every perpetual and future, USD.</param>
/// <param name="OptionValue">Value of long options, USD.</param>
/// <param name="OpeningFees">Expected opening fees of resting orders, taken off the pool's margin balance, USD.</param>
/// <param name="Equity">Collateral value + isolated margin + unrealised P&amp;L + long option value, USD.</param>
/// <param name="InitialMargin">IM of the whole account: positions, orders, borrows, reserves.</param>
/// <param name="MaintenanceMargin">MM of the whole account.</param>
/// <param name="MarginBalance">The shared pool's balance: collateral + pooled P&amp;L and option value - opening fees (- IM of positions given own margin from the pool).</param>
/// <param name="MarginRatio">Pool MM / pool margin balance; the pool is liquidated at 1. Null when that balance is not positive.</param>
/// <param name="AvailableBalance">max(0, pool margin balance - pool IM): what can open new risk or be withdrawn.</param>
/// <param name="Unrounded">The totals before rounding, as doubles.</param>
/// <param name="Warnings">What the calculation changed from the input without failing, e.g. a leverage above its bracket's maximum.</param>
public sealed record MarginReport(
    MarginMethod Method,
    string Profile,
    Instant ValuationTime,
    ImmutableArray<CollateralMargin> Collateral,
    ImmutableArray<PositionMargin> Positions,
    ImmutableArray<OrderMargin> Orders,
    ImmutableArray<BorrowMargin> Borrows,
    ImmutableArray<ReserveMargin> Reserves,
    decimal CollateralValue,
    decimal IsolatedMargin,
    decimal UnrealisedPnl,
    decimal OptionValue,
    decimal OpeningFees,
    decimal Equity,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    decimal MarginBalance,
    decimal? MarginRatio,
    decimal AvailableBalance,
    UnroundedFigures Unrounded,
    ImmutableArray<string> Warnings);
