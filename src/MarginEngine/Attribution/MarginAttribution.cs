using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.Errors;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Attribution;

/// <summary>
/// What each leg costs (docs/methodology.md §What each leg costs). Portfolio margin: each position's marginal IM (the
/// account's IM with it less without it, from the compiled what-if state in O(scenarios) per leg) and an additive
/// attribution of each unit's IM and MM: the leg's loss in the unit's worst scenario (scaled to the counted worst-case
/// loss) plus its share of each add-on, by what drives the add-on. Standard margin: each position's own IM and MM and
/// its share of the pool's.
/// </summary>
public static class MarginAttribution
{
    /// <summary>Every leg's cost under <paramref name="method"/>.</summary>
    /// <exception cref="MissingRiskParameterException">The profile does not offer the method, or lacks a figure it needs.</exception>
    public static ImmutableArray<LegCost> Of(Account account, MarketSnapshot market, RiskProfile profile, MarginMethod method)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.Methods.Contains(method))
            throw new MissingRiskParameterException(profile.Name, $"{method.ToString().ToLowerInvariant()} margin", account.Id);
        return method switch
        {
            MarginMethod.Isolated => Standard(account, IsolatedMarginCalculator.Calculate(account, market, profile)),
            MarginMethod.Cross => Standard(account, CrossMarginCalculator.Calculate(account, market, profile)),
            _ when profile.Portfolio is null => Standard(account, UnifiedMarginCalculator.Calculate(account, market, profile).Report),
            _ => Portfolio(account, market, profile),
        };
    }

    /// <summary>Portfolio margin (the scenario grid): marginal and additive costs of every leg.</summary>
    public static ImmutableArray<LegCost> Portfolio(Account account, MarketSnapshot market, RiskProfile profile)
    {
        var book = CompiledBook.Compile(account, market, profile);
        var state = PortfolioRiskState.Create(book);
        var marginal = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var position in account.Positions.Where(p => !p.IsIsolated))
            marginal[position.Instrument.Id] = state.Current.InitialMargin - state.WhatIf(position.WithQuantity(-position.Quantity)).InitialMargin;

        var costs = ImmutableArray.CreateBuilder<LegCost>();
        for (var u = 0; u < book.Units.Length; u++)
        {
            var unit = state.Result.Units[u];
            var legs = book.Units[u].Book.Exposures;
            var usd = unit.UsdPerUnit;
            var shares = Additive(unit, legs);
            var riskMatrix = unit.RiskMatrixMargin;
            var (imScale, mmScale) = riskMatrix > 0 ? ((unit.InitialMargin - unit.OpenOrdersMargin) / riskMatrix, unit.MaintenanceMargin / riskMatrix) : (0, 0);
            var unitIm = unit.InitialMarginUsd;
            for (var k = 0; k < legs.Count; k++)
            {
                var (worst, addOn) = shares[k];
                var im = (worst + addOn) * imScale * usd;
                costs.Add(new LegCost(legs[k].Id, unit.Underlying, im, (worst + addOn) * mmScale * usd,
                    marginal.TryGetValue(legs[k].Id, out var m) ? m : null, worst * usd, addOn * usd, unitIm > 0 ? im / unitIm : null));
            }

            if (unit.OpenOrdersMargin > 0)
            {
                costs.Add(new LegCost($"orders:{unit.Underlying}", unit.Underlying, unit.OpenOrdersMargin * usd, 0, null, 0, 0,
                    unitIm > 0 ? unit.OpenOrdersMargin * usd / unitIm : null));
            }
        }

        return costs.ToImmutable();
    }

    /// <summary>
    /// Each leg's part of the unit's worst-case loss and of its add-ons (unit currency) summing to its risk-matrix
    /// margin: worst = loss in the worst scenario x worst-case loss / the legs' total loss there; add-ons = the rest of
    /// the risk-matrix margin, shared in proportion to each add-on's amount and, within it, to what drives it.
    /// </summary>
    private static (double Worst, double AddOn)[] Additive(RiskUnitMargin unit, IReadOnlyList<Exposure> legs)
    {
        var shares = new (double Worst, double AddOn)[legs.Count];
        var total = unit.Contributions.Sum(c => -c.PnL);
        for (var k = 0; k < legs.Count; k++)
            shares[k].Worst = total != 0 ? -unit.Contributions[k].PnL / total * unit.WorstCaseLoss : 0;
        var rest = unit.RiskMatrixMargin - shares.Sum(s => s.Worst);
        var charged = unit.AddOns.Where(a => a.Amount > 0).ToArray();
        var amounts = charged.Sum(a => a.Amount);
        if (legs.Count == 0 || rest == 0)
            return shares;
        foreach (var addOn in amounts > 0 ? charged : [new AddOnCharge(AddOnKind.DeltaShock, 1)])
        {
            var part = rest * addOn.Amount / (amounts > 0 ? amounts : 1);
            var drivers = legs.Select(e => Driver(addOn.Kind, e)).ToArray();
            var sum = drivers.Sum();
            for (var k = 0; k < legs.Count; k++)
                shares[k].AddOn += sum > 0 ? part * drivers[k] / sum : part / legs.Count;
        }

        return shares;
    }

    /// <summary>What drives an add-on in one leg: short options for the short-option charges, futures for the futures contingency, options for the option charges, |delta| otherwise.</summary>
    private static double Driver(AddOnKind kind, Exposure leg)
    {
        var size = Math.Abs(leg.Quantity * leg.Size);
        var option = leg.Kind == ExposureKind.Option || leg.Option is not null;
        return kind switch
        {
            AddOnKind.ShortOptionContingency or AddOnKind.ShortOptionMinimum => option && leg.Quantity < 0 ? size : 0,
            AddOnKind.FuturesContingency => leg.Kind is ExposureKind.LinearFuture or ExposureKind.InverseFuture ? size : 0,
            AddOnKind.GrossOptionContingency or AddOnKind.ThetaDecay => option ? size : 0,
            _ => leg.Kind == ExposureKind.RiskArray ? size : Math.Abs(leg.DeltaCoins),
        };
    }

    /// <summary>Standard margin: each position's own IM and MM, its share of the pool's position IM; resting orders likewise.</summary>
    private static ImmutableArray<LegCost> Standard(Account account, MarginReport report)
    {
        var pooled = report.Positions.Where(p => !p.IsIsolated).Sum(p => p.InitialMargin) + report.Orders.Sum(o => o.InitialMargin);
        var underlying = account.Positions.ToDictionary(p => p.Instrument.Id, p => p.Instrument.Underlying.Id, StringComparer.Ordinal);
        var orders = account.Orders.ToDictionary(o => o.Id, o => o.Instrument.Underlying.Id, StringComparer.Ordinal);
        return
        [
            .. report.Positions.Select(p => new LegCost(p.InstrumentId, underlying[p.InstrumentId], (double)p.InitialMargin, (double)p.MaintenanceMargin,
                (double)p.InitialMargin, 0, 0, p.IsIsolated ? null : pooled > 0 ? (double)(p.InitialMargin / pooled) : null)),
            .. report.Orders.Select(o => new LegCost($"order:{o.OrderId}", orders[o.OrderId], (double)o.InitialMargin, (double)o.MaintenanceMargin,
                null, 0, 0, pooled > 0 ? (double)(o.InitialMargin / pooled) : null)),
        ];
    }
}
