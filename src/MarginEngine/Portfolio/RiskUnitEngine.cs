using System.Buffers;
using System.Collections.Immutable;
using MarginEngine.Compiled;
using MarginEngine.Kernels;
using MarginEngine.Profiles;
using MarginEngine.Results;
using MarginEngine.Scenarios;

namespace MarginEngine.Portfolio;

/// <summary>Revalues one risk unit under its scenarios and combines the worst loss with the add-ons (docs/methodology.md §Portfolio).</summary>
internal static class RiskUnitEngine
{
    /// <summary>The unit's full breakdown: every cell, each leg's risk vector, the add-on lines; and the state a what-if starts from.</summary>
    public static UnitEvaluation Evaluate(CompiledUnit unit, PortfolioParameters portfolio)
    {
        var (p, index, book, orders) = (unit.Parameters, unit.Index, unit.Book, unit.Orders);
        RequireLossFactorsFor(p, portfolio);
        var grid = unit.Grid;
        var n = grid.Count;
        var width = grid.Width;
        var scratch = new double[2 * width];
        var flat = new double[width];
        var groups = p.GroupsByExpiry ? new ExpiryGroups(grid) : null;
        var rows = ArrayPool<double>.Shared.Rent(Math.Max(1, book.Count) * width);
        for (var k = 0; k < book.Count; k++)
        {
            var row = rows.AsSpan(k * width, width);
            book.Fill(k, scratch, row);
            if (groups?.Add(book.Exposures[k], row) != true)
                ScenarioKernels.Accumulate(row, flat);
        }

        var cells = WithGroups(flat, groups);

        var counted = Count(grid, cells.AsSpan(0, n));
        var worst = Worst(counted);
        var worstLoss = Math.Max(0, -counted[worst]);
        var usdPerUnit = p.Currency == UnitCurrency.Usd ? 1 : index;

        var addOns = new AddOns(p.AddOns, index, book.Exposures, unit.Confidence);
        var amounts = addOns.Amounts();
        var riskMatrix = Combine(portfolio.Family, worstLoss, amounts, usdPerUnit);

        var bids = OpenOrdersMargin.Filled(unit, portfolio, flat, groups, scratch, buys: true, usdPerUnit);
        var asks = OpenOrdersMargin.Filled(unit, portfolio, flat, groups, scratch, buys: false, usdPerUnit);
        var ordersMargin = OpenOrdersMargin.Of(riskMatrix, bids?.RiskMatrix, asks?.RiskMatrix);

        var (mm, im) = Relation(portfolio, riskMatrix, ordersMargin);
        if (portfolio.LossFactors is { } factors)
        {
            (mm, im) = LossFactorRequirement(factors, p, worstLoss, amounts, usdPerUnit);
            im += ordersMargin;
        }

        var scenarioPnls = grid.Scenarios.Select((s, i) => new ScenarioPnl(s, counted[i])).ToImmutableArray();
        var margin = new RiskUnitMargin(unit.Underlying, p.Currency, index, scenarioPnls, scenarioPnls[worst], worstLoss,
            [.. addOns.Lines(amounts, usdPerUnit)], riskMatrix, ordersMargin, mm, im, usdPerUnit,
            addOns.NetDelta(),
            [.. book.Exposures.Select((e, k) => new PositionContribution(e.Id, rows[k * width + worst], [.. rows.AsSpan(k * width, n)]))]);
        ArrayPool<double>.Shared.Return(rows);
        return new UnitEvaluation(margin, grid, cells, addOns, bids, asks);
    }

    /// <summary>
    /// The unit's figures only (no breakdown records): what a quote or a sweep needs. Same arithmetic and
    /// summation order as <see cref="Evaluate"/>, so the same risk-matrix margin bit for bit; the options'
    /// rows go straight into the cells.
    /// </summary>
    public static UnitFigures Quote(CompiledUnit unit, PortfolioParameters portfolio)
    {
        var (p, index, book, orders) = (unit.Parameters, unit.Index, unit.Book, unit.Orders);
        RequireLossFactorsFor(p, portfolio);
        var grid = unit.Grid;
        var n = grid.Count;
        var width = grid.Width;
        var buffer = ArrayPool<double>.Shared.Rent(4 * width);
        var cells = buffer.AsSpan(0, width);
        var row = buffer.AsSpan(width, width);
        var scratch = buffer.AsSpan(2 * width, 2 * width);
        cells.Clear();
        var groups = p.GroupsByExpiry ? new ExpiryGroups(grid) : null;
        Sum(book, groups, scratch, row, cells);
        var flat = groups is null ? null : cells.ToArray();
        groups?.AddTo(cells);

        var usdPerUnit = p.Currency == UnitCurrency.Usd ? 1 : index;
        var (worst, counted) = WorstOf(grid, cells[..n]);
        var addOns = new AddOns(p.AddOns, index, book.Exposures, unit.Confidence);
        var amounts = addOns.Amounts();
        var riskMatrix = Combine(portfolio.Family, Math.Max(0, -counted), amounts, usdPerUnit);
        var (unitMm, unitIm) = portfolio.LossFactors is { } factors ? LossFactorRequirement(factors, p, Math.Max(0, -counted), amounts, usdPerUnit) : default;
        var cellsUsd = UnitFigures.Cells(portfolio, cells[..n], usdPerUnit);
        var netDelta = addOns.NetDelta();
        var ordersMargin = 0.0;
        if (orders.Count > 0)
        {
            var before = groups is null ? cells.ToArray() : flat!;
            var bids = OpenOrdersMargin.FilledQuote(unit, portfolio, before, groups, addOns, scratch, row, cells, buys: true, usdPerUnit);
            var asks = OpenOrdersMargin.FilledQuote(unit, portfolio, before, groups, addOns, scratch, row, cells, buys: false, usdPerUnit);
            ordersMargin = OpenOrdersMargin.Of(riskMatrix, bids, asks);
        }

        ArrayPool<double>.Shared.Return(buffer);
        return new UnitFigures(unit.Underlying, riskMatrix * usdPerUnit, Math.Max(0, -counted) * usdPerUnit, netDelta,
            grid.Scenarios[worst].PriceMove < 0 ? -1.0 : 1.0, ordersMargin * usdPerUnit, unitMm * usdPerUnit, unitIm * usdPerUnit, cellsUsd);
    }

    /// <summary>Adds every leg's row to <paramref name="cells"/> in order; options go to their expiry instead when the unit groups by expiry.</summary>
    private static void Sum(CompiledLegs legs, ExpiryGroups? groups, Span<double> scratch, Span<double> row, Span<double> cells)
    {
        for (var k = 0; k < legs.Count; k++)
        {
            if (groups is null)
            {
                legs.AddTo(k, scratch, row, cells);
                continue;
            }

            legs.Fill(k, scratch, row);
            if (!groups.Add(legs.Exposures[k], row))
                ScenarioKernels.Accumulate(row, cells);
        }
    }

    /// <summary>MM and IM from a risk-matrix margin: MM = factor x RM, IM = RM + orders; or MM = RM, IM = factor x MM + orders.</summary>
    public static (double Maintenance, double Initial) Relation(PortfolioParameters portfolio, double riskMatrix, double ordersMargin) =>
        portfolio.InitialFactor is { } factor
            ? (riskMatrix, factor * riskMatrix + ordersMargin)
            : (portfolio.MaintenanceFactor * riskMatrix, riskMatrix + ordersMargin);

    /// <summary>The unit's cells: the flat sums, plus each expiry's transformed cells when options are grouped by expiry.</summary>
    internal static double[] WithGroups(double[] flat, ExpiryGroups? groups)
    {
        if (groups is null)
            return flat;
        var cells = (double[])flat.Clone();
        groups.AddTo(cells);
        return cells;
    }

    /// <summary>The oracle contingency is an IM-only charge: it needs the loss-factor relation, which keeps IM and MM apart.</summary>
    private static void RequireLossFactorsFor(RiskUnitParameters p, PortfolioParameters portfolio)
    {
        if (p.GroupsByExpiry && p.Currency != UnitCurrency.Usd)
            throw new Errors.InvalidMarginInputException("staticDiscount", "the static discount and the per-expiry skew sign need a USD unit");
        if (p.AddOns.OracleContingency is not null && portfolio.LossFactors is null)
            throw new Errors.InvalidMarginInputException("addOns.oracleContingency", "is an IM-only charge: set portfolio.lossFactors to use it");
    }

    /// <summary>
    /// A unit's MM and IM (unit currency, IM without open orders) under loss factors
    /// (docs/methodology.md §Loss factors): factor x worst loss + the add-ons' weighted parts, each
    /// floored by the minimum delta charge when one is set.
    /// </summary>
    internal static (double Maintenance, double Initial) LossFactorRequirement(LossFactors factors, RiskUnitParameters p, double worstLoss,
        in AddOnAmounts amounts, double usdPerUnit)
    {
        var (mm, im) = amounts.Weighted(p.AddOns);
        var floor = amounts.MinimumDeltaCharge / usdPerUnit;
        var worst = Math.Max(worstLoss, amounts.BasisContingency / usdPerUnit);
        return (Math.Max(factors.Maintenance * worst + mm / usdPerUnit, floor), Math.Max(factors.Initial * worst + im / usdPerUnit, floor));
    }

    /// <summary>
    /// The account's portfolio MM, IM and risk-matrix total (after cross-unit offsets) from its units' figures, USD:
    /// under loss factors the units' own requirements add up; otherwise the aggregated risk-matrix margin goes through
    /// <see cref="Relation"/>. Every path (full, quote, what-if) ends here.
    /// </summary>
    internal static (double Maintenance, double Initial, double RiskMatrix) Totals(PortfolioParameters portfolio, ReadOnlySpan<UnitFigures> figures)
    {
        var (total, offset) = CrossUnitAggregator.Aggregate(portfolio.Aggregation, figures);
        double orders = 0, mm = 0, im = 0;
        foreach (var f in figures)
        {
            orders += f.OrdersUsd;
            mm += f.MaintenanceUsd;
            im += f.InitialUsd;
        }

        if (portfolio.LossFactors is not null)
            return (mm, im + orders, total - offset);
        var (rm, ri) = Relation(portfolio, total - offset, orders);
        return (rm, ri, total - offset);
    }

    /// <summary>The worst counted cell of <paramref name="sums"/> and its counted value, without allocating.</summary>
    internal static (int Index, double Counted) WorstOf(UnitGrid grid, ReadOnlySpan<double> sums)
    {
        if (grid.AllPlain && ScenarioKernels.MinFinite(sums) is ( < 0 and var min, true))
        {
            // Every cell counts by the plain rule, which keeps a loss as it is and makes a gain count >= 0: the worst
            // counted cell is the first smallest sum.
            return (sums.IndexOf(min), min);
        }

        var p = grid.Parameters;
        var plain = grid.PlainCounting;
        var offset = p.PnlOffset;
        var cap = p.PnlOffsetCap ?? double.PositiveInfinity;
        var worst = 0;
        var worstValue = double.PositiveInfinity;
        for (var i = 0; i < sums.Length; i++)
        {
            var sum = sums[i];
            // A standard or extreme cell counts as Counted does (gains at the offset, capped) without reading its scenario.
            var counted = plain[i] && double.IsFinite(sum) ? (sum > 0 ? Math.Min(sum * offset, cap) : sum) : Counted(grid, p, i, sum);
            if (counted < worstValue)
            {
                worstValue = counted;
                worst = i;
            }
        }

        return (worst, worstValue);
    }

    /// <summary>Counted P&amp;L per scenario from the summed cells: extended losses dampened, gains at the offset (capped).</summary>
    internal static double[] Count(UnitGrid grid, ReadOnlySpan<double> sums)
    {
        var p = grid.Parameters;
        var counted = new double[sums.Length];
        for (var i = 0; i < sums.Length; i++)
            counted[i] = Counted(grid, p, i, sums[i]);
        return counted;
    }

    internal static double Counted(UnitGrid grid, RiskUnitParameters p, int i, double sum)
    {
        var s = grid.Scenarios[i];
        if (!double.IsFinite(sum))
            throw new Errors.InvalidMarginInputException("scenarios",
                $"scenario {i} ({s.Kind}, move {s.PriceMove:R}, vol {s.Vol}) gave a non-finite P&L: an input is outside what the unit can revalue");
        if (s.Kind == ScenarioKind.Extended && sum < 0 && p.ExtendedDampener > 0)
        {
            var reduction = (Math.Max(Math.Abs(s.PriceMove) / p.PriceRange, 1) - 1) * p.ExtendedDampener
                / (p.Currency == UnitCurrency.Usd ? 1 : grid.Edge[i]);
            sum = Math.Min(0, sum + reduction);
        }

        if (sum > 0 && s.Kind == ScenarioKind.Extended && p.ZeroExtendedGains)
            return 0;
        if (s.Kind is ScenarioKind.SkewLinear or ScenarioKind.SkewAbsolute && p.Skew is { Sign: SkewSign.LossOnly })
            return -Math.Abs(sum);
        return sum > 0 ? Math.Min(sum * p.PnlOffset, p.PnlOffsetCap ?? double.PositiveInfinity) : sum;
    }

    internal static int Worst(ReadOnlySpan<double> cells)
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
    /// Risk-matrix family: max(worst, basis contingency) + add-ons, floored by the minimum delta charge. SPAN: max(worst, short option minimum).
    /// OKX: max{ max(MR1, MR2, MR6) + MR4 + MR9, MR7 }, the worst case being the larger of MR1 (grid) and MR6 (extreme cells).
    /// </summary>
    internal static double Combine(MarginFamily family, double worstLoss, in AddOnAmounts a, double usdPerUnit) => family switch
    {
        MarginFamily.Span => Math.Max(worstLoss, a.ShortOptionMinimum / usdPerUnit),
        MarginFamily.Okx => Math.Max(Math.Max(worstLoss, a.ThetaDecay / usdPerUnit) + (a.Basis + a.StablecoinDepeg) / usdPerUnit, a.MinimumCharge / usdPerUnit),
        _ => Math.Max(Math.Max(worstLoss, a.BasisContingency / usdPerUnit)
                + (a.RollShock + a.DeltaShock + a.ShortOptionContingency + a.FuturesContingency + a.GrossOptionContingency) / usdPerUnit,
            a.MinimumDeltaCharge / usdPerUnit),
    };
}

/// <summary>A risk unit's public breakdown and the compiled state a what-if starts from: the book's cells and add-ons, and each side of its resting orders filled (null when a side has none).</summary>
internal sealed record UnitEvaluation(RiskUnitMargin Margin, UnitGrid Grid, double[] Cells, AddOns AddOns, FilledSide? Bids, FilledSide? Asks);
