using MarginEngine.Results;

namespace MarginEngine.Cliff;

/// <summary>
/// How far a report is from liquidation: its pool's balance less the pool's MM; under isolated margin, the least of that
/// and each position's own margin balance less its MM (each position is liquidated alone). Under cross and portfolio
/// margin a position given its own margin is liquidated alone too, without taking the pool down, so the account's
/// distance is the pool's.
/// </summary>
internal readonly record struct Headroom(double Usd, string Binding)
{
    public const string Pool = "pool";

    public static Headroom Of(MarginReport report)
    {
        var least = new Headroom(report.Unrounded.MarginBalance - report.Unrounded.PoolMaintenanceMargin, Pool);
        if (report.Method != MarginMethod.Isolated)
            return least;
        foreach (var line in report.Positions)
        {
            if (line is { IsIsolated: true, MarginBalance: { } balance } && (double)(balance - line.MaintenanceMargin) < least.Usd)
                least = new Headroom((double)(balance - line.MaintenanceMargin), line.InstrumentId);
        }

        return least;
    }
}
