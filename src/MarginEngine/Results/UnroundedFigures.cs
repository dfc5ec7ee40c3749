namespace MarginEngine.Results;

/// <summary>
/// A report's totals before the one rounding step (docs/numerics.md), in USD as doubles: for
/// reconciliation with a venue's own unrounded figures and for tolerance-based comparisons.
/// </summary>
/// <param name="Equity">Equity.</param>
/// <param name="InitialMargin">IM of the whole account.</param>
/// <param name="MaintenanceMargin">MM of the whole account.</param>
/// <param name="MarginBalance">The shared pool's balance.</param>
/// <param name="AvailableBalance">max(0, pool balance - pool IM).</param>
/// <param name="PoolMaintenanceMargin">MM of the shared pool (the account's MM less its isolated positions'): the pool is liquidated when its balance falls to it.</param>
public sealed record UnroundedFigures(double Equity, double InitialMargin, double MaintenanceMargin, double MarginBalance, double AvailableBalance,
    double PoolMaintenanceMargin)
{
    internal static UnroundedFigures Of(decimal equity, decimal initialMargin, decimal maintenanceMargin, decimal marginBalance, decimal availableBalance,
        decimal poolMaintenanceMargin) =>
        new((double)equity, (double)initialMargin, (double)maintenanceMargin, (double)marginBalance, (double)availableBalance, (double)poolMaintenanceMargin);
}
