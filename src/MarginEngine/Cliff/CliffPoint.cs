namespace MarginEngine.Cliff;

/// <summary>
/// The account at one step of a margin-cliff sweep: every figure recomputed at the moved prices, collateral revalued.
/// Amounts in USD as the report rounds them (requirements up, values down); the headroom unrounded.
/// </summary>
/// <param name="Move">The sweep's move (-0.1 = prices 10% lower; under a co-move, the lead asset's).</param>
/// <param name="Equity">Equity.</param>
/// <param name="InitialMargin">IM of the whole account.</param>
/// <param name="MaintenanceMargin">MM of the whole account.</param>
/// <param name="MarginBalance">The shared pool's balance.</param>
/// <param name="MarginRatio">Pool MM / pool balance (liquidation at 1); null when the balance is not positive.</param>
/// <param name="AvailableBalance">max(0, pool balance - pool IM).</param>
/// <param name="Headroom">Pool balance - pool MM, USD; under isolated margin the least of that and each position's margin balance - MM: liquidation at 0.</param>
/// <param name="Binding">What that headroom belongs to: "pool", or (isolated margin) the instrument id of a position.</param>
public sealed record CliffPoint(
    double Move,
    decimal Equity,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    decimal MarginBalance,
    decimal? MarginRatio,
    decimal AvailableBalance,
    double Headroom,
    string Binding)
{
    /// <summary>Whether the account is at or past maintenance here.</summary>
    public bool Liquidating => Headroom <= 0;
}
