using System.Collections.Immutable;
using MarginEngine.Results;

namespace MarginEngine.Cliff;

/// <summary>
/// What cut the headroom between two reports of one account (docs/methodology.md §Margin cliff). For the pool: the
/// collateral's fall in value, the rest of the balance's fall (positions), and the MM's rise split into bracket jumps
/// (standard margin), add-ons and lost offsets (portfolio margin; sized in the risk-matrix margin) and the rest. For
/// an own-margin position: its margin balance's fall and its MM's rise (a bracket jump when its tier changed).
/// </summary>
internal static class CliffEffects
{
    public static ImmutableArray<CliffEffect> Between(MarginReport before, PortfolioMarginResult? beforePortfolio, MarginReport after,
        PortfolioMarginResult? afterPortfolio, string binding)
    {
        var effects = binding == Headroom.Pool ? Pool(before, beforePortfolio, after, afterPortfolio) : OwnMargin(before, after, binding);
        return [.. effects.Where(e => e.AmountUsd != 0).OrderByDescending(e => e.AmountUsd)];
    }

    private static List<CliffEffect> OwnMargin(MarginReport before, MarginReport after, string instrument)
    {
        var was = before.Positions.First(p => p.IsIsolated && p.InstrumentId == instrument);
        var now = after.Positions.First(p => p.IsIsolated && p.InstrumentId == instrument);
        var growth = (double)(now.MaintenanceMargin - was.MaintenanceMargin);
        return
        [
            new(CliffEffectKind.PositionLoss, $"{instrument}: margin balance {was.MarginBalance:N2} to {now.MarginBalance:N2}",
                (double)((was.MarginBalance ?? 0m) - (now.MarginBalance ?? 0m))),
            was.BracketTier != now.BracketTier
                ? new(CliffEffectKind.BracketJump, $"{instrument}: bracket {was.BracketTier} to {now.BracketTier}", growth)
                : new(CliffEffectKind.MaintenanceGrowth, $"{instrument}: MM {was.MaintenanceMargin:N2} to {now.MaintenanceMargin:N2}", growth),
        ];
    }

    private static List<CliffEffect> Pool(MarginReport before, PortfolioMarginResult? beforePortfolio, MarginReport after, PortfolioMarginResult? afterPortfolio)
    {
        var collateral = (double)(before.CollateralValue - after.CollateralValue);
        var balance = before.Unrounded.MarginBalance - after.Unrounded.MarginBalance;
        var growth = after.Unrounded.PoolMaintenanceMargin - before.Unrounded.PoolMaintenanceMargin;
        var effects = new List<CliffEffect>
        {
            new(CliffEffectKind.CollateralDevaluing, Devalued(before, after), collateral),
            new(CliffEffectKind.PositionLoss, "positions' P&L and option value", balance - collateral),
        };
        var explained = 0.0;
        if (beforePortfolio is not null && afterPortfolio is not null)
        {
            foreach (var unit in afterPortfolio.Units)
            {
                var was = beforePortfolio.Units.FirstOrDefault(u => u.Underlying == unit.Underlying);
                foreach (var addOn in unit.AddOns)
                {
                    var old = was?.AddOns.FirstOrDefault(a => a.Kind == addOn.Kind) is { } a ? a.Amount * was.UsdPerUnit : 0;
                    var change = addOn.Amount * unit.UsdPerUnit - old;
                    if (change <= 0)
                        continue;
                    effects.Add(new(old == 0 ? CliffEffectKind.AddOnSwitchingOn : CliffEffectKind.AddOnGrowth, $"{unit.Underlying}: {addOn.Name}", change));
                    explained += change;
                }
            }

            var lost = beforePortfolio.CrossUnitOffsetUsd - afterPortfolio.CrossUnitOffsetUsd;
            if (lost > 0)
            {
                effects.Add(new(CliffEffectKind.OffsetLost,
                    $"{afterPortfolio.Aggregation}: {beforePortfolio.CrossUnitOffsetUsd:N2} to {afterPortfolio.CrossUnitOffsetUsd:N2}", lost));
                explained += lost;
            }
        }
        else
        {
            foreach (var now in after.Positions.Where(p => !p.IsIsolated))
            {
                var was = before.Positions.FirstOrDefault(p => !p.IsIsolated && p.InstrumentId == now.InstrumentId);
                if (was is null || was.BracketTier == now.BracketTier)
                    continue;
                var change = (double)(now.MaintenanceMargin - was.MaintenanceMargin);
                effects.Add(new(CliffEffectKind.BracketJump, $"{now.InstrumentId}: bracket {was.BracketTier} to {now.BracketTier}", change));
                explained += change;
            }
        }

        effects.Add(new(CliffEffectKind.MaintenanceGrowth, "MM's rise with notional and worst-case loss, borrows", growth - explained));
        return effects;
    }

    /// <summary>"BTC 1,000.00 to 800.00, ETH ..." for the assets whose collateral value fell, largest fall first.</summary>
    private static string Devalued(MarginReport before, MarginReport after)
    {
        var falls = after.Collateral
            .Select(now => (now.AssetId, Was: before.Collateral.FirstOrDefault(c => c.AssetId == now.AssetId)?.CollateralValue ?? 0m, Now: now.CollateralValue))
            .Where(c => c.Now < c.Was)
            .OrderByDescending(c => c.Was - c.Now)
            .Select(c => $"{c.AssetId} {c.Was:N2} to {c.Now:N2}");
        return string.Join(", ", falls) is { Length: > 0 } text ? $"collateral value: {text}" : "collateral value";
    }
}
