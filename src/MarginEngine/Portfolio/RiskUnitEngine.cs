using System.Collections.Immutable;
using MarginEngine.Results;
using MarginEngine.Scenarios;

namespace MarginEngine.Portfolio;

/// <summary>Revalues one risk unit under its scenarios and combines the worst loss with the add-ons (docs/methodology.md §Portfolio).</summary>
internal static class RiskUnitEngine
{
    public static RiskUnitMargin Evaluate(string underlying, double index, RiskUnitParameters p, PortfolioParameters portfolio,
        IReadOnlyList<Exposure> exposures, IReadOnlyList<Exposure> orders)
    {
        var scenarios = p.Scenarios();
        var contributions = new double[exposures.Count, scenarios.Length];
        var cells = Cells(index, p, scenarios, exposures, contributions);
        var worst = Worst(cells);
        var worstLoss = Math.Max(0, -cells[worst]);
        var usdPerUnit = p.Currency == UnitCurrency.Usd ? 1 : index;

        var addOns = AddOns.Compute(p.AddOns, exposures, index);
        var riskMatrix = Combine(portfolio.Family, worstLoss, addOns, usdPerUnit);

        var ordersMargin = 0.0;
        if (orders.Count > 0)
        {
            var all = exposures.Concat(orders).ToList();
            var withOrders = Cells(index, p, scenarios, all, new double[all.Count, scenarios.Length]);
            var filled = Combine(portfolio.Family, Math.Max(0, -withOrders[Worst(withOrders)]), AddOns.Compute(p.AddOns, all, index), usdPerUnit);
            ordersMargin = Math.Max(0, filled - riskMatrix);
        }

        var (mm, im) = Relation(portfolio, riskMatrix, ordersMargin);
        var scenarioPnls = scenarios.Select((s, i) => new ScenarioPnl(s, cells[i])).ToImmutableArray();
        return new RiskUnitMargin(underlying, p.Currency, index, scenarioPnls, scenarioPnls[worst], worstLoss,
            [.. addOns.Select(a => a with { Amount = a.Amount / usdPerUnit })], riskMatrix, ordersMargin, mm, im, usdPerUnit,
            exposures.Sum(e => e.DeltaCoins),
            [.. exposures.Select((e, k) => new PositionContribution(e.Id, contributions[k, worst]))]);
    }

    /// <summary>MM and IM from a risk-matrix margin: MM = factor x RM, IM = RM + orders; or MM = RM, IM = factor x MM + orders.</summary>
    public static (double Maintenance, double Initial) Relation(PortfolioParameters portfolio, double riskMatrix, double ordersMargin) =>
        portfolio.InitialFactor is { } factor
            ? (riskMatrix, factor * riskMatrix + ordersMargin)
            : (portfolio.MaintenanceFactor * riskMatrix, riskMatrix + ordersMargin);

    /// <summary>Counted P&amp;L per scenario, summing exposures in a fixed order; fills each exposure's raw unit P&amp;L.</summary>
    private static double[] Cells(double index, RiskUnitParameters p, ImmutableArray<Scenario> scenarios, IReadOnlyList<Exposure> exposures, double[,] raw)
    {
        var cells = new double[scenarios.Length];
        for (var i = 0; i < scenarios.Length; i++)
        {
            var s = scenarios[i];
            var price = index * (1 + s.PriceMove);
            var edge = index * (1 + Math.Sign(s.PriceMove) * p.PriceRange);
            var sum = 0.0;
            for (var k = 0; k < exposures.Count; k++)
            {
                var e = exposures[k];
                var settlement = e.Pnl(s.PriceMove, index, s.Vol, p.VolShock);
                var value = s.Kind switch
                {
                    ScenarioKind.Extended => e.ToUsd(settlement, index, price) * s.Weight / (p.Currency == UnitCurrency.Usd ? 1 : edge),
                    _ => s.Weight * (p.Currency == UnitCurrency.Usd ? e.ToUsd(settlement, index, price) : e.ToCoin(settlement, index, price)),
                };
                raw[k, i] = value;
                sum += value;
            }

            if (s.Kind == ScenarioKind.Extended && sum < 0 && p.ExtendedDampener > 0)
            {
                var reduction = (Math.Max(Math.Abs(s.PriceMove) / p.PriceRange, 1) - 1) * p.ExtendedDampener
                    / (p.Currency == UnitCurrency.Usd ? 1 : edge);
                sum = Math.Min(0, sum + reduction);
            }

            if (sum > 0)
                sum = Math.Min(sum * p.PnlOffset, p.PnlOffsetCap ?? double.PositiveInfinity);
            cells[i] = sum;
        }

        return cells;
    }

    private static int Worst(double[] cells)
    {
        var worst = 0;
        for (var i = 1; i < cells.Length; i++)
        {
            if (cells[i] < cells[worst])
                worst = i;
        }

        return worst;
    }

    /// <summary>
    /// Risk-matrix family: worst + add-ons, floored by the minimum delta charge. SPAN: max(worst, short option minimum).
    /// OKX: max{ max(MR1, MR2, MR6) + MR4 + MR9, MR7 }, the worst case being the larger of MR1 (grid) and MR6 (extreme cells).
    /// </summary>
    private static double Combine(MarginFamily family, double worstLoss, IReadOnlyList<AddOnCharge> usdAddOns, double usdPerUnit)
    {
        double Charge(string name) => usdAddOns.Where(a => a.Name == name).Sum(a => a.Amount) / usdPerUnit;
        return family switch
        {
            MarginFamily.Span => Math.Max(worstLoss, Charge(AddOns.ShortOptionMinimum)),
            MarginFamily.Okx => Math.Max(
                Math.Max(worstLoss, Charge(AddOns.ThetaDecay)) + Charge(AddOns.Basis) + Charge(AddOns.StablecoinDepeg),
                Charge(AddOns.MinimumCharge)),
            _ => Math.Max(
                worstLoss + Charge(AddOns.RollShock) + Charge(AddOns.DeltaShock) + Charge(AddOns.ShortOptionContingency) + Charge(AddOns.FuturesContingency),
                Charge(AddOns.MinimumDeltaCharge)),
        };
    }
}
