using MarginEngine.Results;

namespace MarginEngine.Cliff;

/// <summary>How far a report is from liquidation: the least margin balance less MM, of the pool and of each own-margin position.</summary>
internal readonly record struct Headroom(double Usd, string Binding)
{
    public const string Pool = "pool";

    public static Headroom Of(MarginReport report)
    {
        var least = new Headroom(report.Unrounded.MarginBalance - report.Unrounded.PoolMaintenanceMargin, Pool);
        foreach (var line in report.Positions)
        {
            if (line is { IsIsolated: true, MarginBalance: { } balance } && (double)(balance - line.MaintenanceMargin) < least.Usd)
                least = new Headroom((double)(balance - line.MaintenanceMargin), line.InstrumentId);
        }

        return least;
    }
}
