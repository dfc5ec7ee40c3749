namespace MarginEngine.Brackets;

/// <summary>
/// A validated leverage bracket: <c>MM = notional x MaintenanceMarginRate - MaintenanceAmount</c>,
/// <c>IM = notional / leverage</c> (docs/methodology.md §Brackets, Binance USDⓈ-M / COIN-M).
/// </summary>
/// <param name="Tier">1-based position in the schedule.</param>
/// <param name="NotionalFloor">Inclusive floor.</param>
/// <param name="NotionalCap">Exclusive cap; <see cref="decimal.MaxValue"/> for the last bracket when unbounded.</param>
/// <param name="MaxLeverage">Highest leverage allowed.</param>
/// <param name="MaintenanceMarginRate">MMR.</param>
/// <param name="MaintenanceAmount">cum: keeps MM continuous across brackets.</param>
public sealed record LeverageBracket(
    int Tier,
    decimal NotionalFloor,
    decimal NotionalCap,
    decimal MaxLeverage,
    decimal MaintenanceMarginRate,
    decimal MaintenanceAmount)
{
    /// <summary>Maintenance margin of a position of <paramref name="notional"/> in this bracket.</summary>
    public decimal MaintenanceMargin(decimal notional) => notional * MaintenanceMarginRate - MaintenanceAmount;

    /// <summary>Whether <paramref name="notional"/> lies in [floor, cap).</summary>
    public bool Contains(decimal notional) => notional >= NotionalFloor && notional < NotionalCap;
}
