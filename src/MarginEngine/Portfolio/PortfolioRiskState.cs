using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.Kernels;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Portfolio;

/// <summary>
/// An account's portfolio margin kept compiled: per risk unit, the scenario P&amp;L vector of the book
/// (and of the book with its resting orders) and the add-on aggregates. A what-if (one more order, or
/// virtual positions as in a venue's position builder) reprices only the new legs and costs
/// O(scenarios) per leg instead of a full recompute (docs/methodology.md §What-if).
/// Not thread-safe: what-ifs reuse scratch buffers; create one state per thread.
/// </summary>
public sealed class PortfolioRiskState
{
    private readonly PortfolioParameters _portfolio;
    private readonly UnitEvaluation[] _units;
    private readonly UnitFigures[] _figures;
    private readonly double[] _row;
    private readonly double[] _scratch;
    private readonly double[] _cells;
    private readonly UnitFigures[] _quoteScratch;
    private readonly Account _account;
    private readonly CompiledMarket _compiled;

    private PortfolioRiskState(Account account, PortfolioParameters portfolio, UnitEvaluation[] units, UnitFigures[] figures, PortfolioMarginResult result,
        MarginQuote current, CompiledMarket compiled)
    {
        _compiled = compiled;
        _account = account;
        _portfolio = portfolio;
        _units = units;
        _figures = figures;
        _quoteScratch = new UnitFigures[_figures.Length];
        var width = units.Length == 0 ? 0 : units.Max(u => u.Grid.Width);
        _row = new double[width];
        _scratch = new double[2 * width];
        _cells = new double[width];
        Result = result;
        Current = current;
    }

    /// <summary>The full portfolio result of the account the state was built from.</summary>
    public PortfolioMarginResult Result { get; }

    /// <summary>The portfolio IM and MM of that account, unrounded.</summary>
    public MarginQuote Current { get; }

    /// <summary>Compiles <paramref name="account"/>: the full portfolio computation, kept for what-ifs.</summary>
    /// <exception cref="Errors.MissingRiskParameterException">The profile has no portfolio parameters, or none for an underlying held.</exception>
    /// <exception cref="Errors.MissingMarketDataException">A price or vol the book needs is missing.</exception>
    /// <exception cref="Errors.InvalidMarginInputException">An expired future or option.</exception>
    public static PortfolioRiskState Create(Account account, MarketSnapshot market, RiskProfile profile) =>
        Create(CompiledBook.Compile(account, market, profile));

    /// <summary>The full portfolio computation of a compiled book, kept for what-ifs.</summary>
    /// <exception cref="Errors.InvalidMarginInputException">A scenario the book cannot revalue (a non-finite P&amp;L).</exception>
    public static PortfolioRiskState Create(CompiledBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var (account, market, profile, portfolio) = (book.Account, book.Market, book.Profile, book.Portfolio);
        var units = book.Units.Select(u => RiskUnitEngine.Evaluate(u, portfolio)).ToArray();
        var figures = units.Select(u => UnitFigures.Of(u, portfolio)).ToArray();
        var (total, offset) = CrossUnitAggregator.Aggregate(portfolio.Aggregation, figures);
        var (mm, im, _) = RiskUnitEngine.Totals(portfolio, figures);
        var result = new PortfolioMarginResult(PortfolioReport.Of(account, market, profile, mm, im),
            [.. units.Select(u => u.Margin)], CrossUnitAggregator.Label(portfolio.Aggregation), total, offset);
        return new PortfolioRiskState(account, portfolio, units, figures, result, new MarginQuote(im, mm, total - offset),
            book.CompiledMarket ?? CompiledMarket.Create(market, profile));
    }

    /// <summary>
    /// Portfolio IM and MM if <paramref name="position"/> were added to the book as a new leg. On an
    /// underlying the book does not hold yet, the account is recomputed in full.
    /// </summary>
    /// <exception cref="Errors.MissingMarketDataException">No price or vol for the leg.</exception>
    public MarginQuote WhatIf(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var k = UnitOf(position.Instrument.Underlying.Id);
        if (k < 0 || _units[k].Grid.Parameters.GroupsByExpiry)
            return Recompute([position]);
        var exposure = _compiled.Exposure(position.Instrument, (double)position.Quantity, position.Instrument.Id);
        var unit = _units[k];
        var grid = unit.Grid;
        var n = grid.Count;
        var width = grid.Width;
        var row = _row.AsSpan(0, width);
        var cells = _cells.AsSpan(0, width);
        var withOrders = unit.Bids is not null || unit.Asks is not null;
        unit.Cells.CopyTo(cells);
        if (withOrders)
        {
            _compiled.FillRow(grid, exposure, _scratch.AsSpan(0, 2 * width), row);
            ScenarioKernels.Accumulate(row, cells);
        }
        else
        {
            // The row is needed once: straight into the copy of the cells (bitwise the same as writing it and adding it).
            _compiled.AddRow(grid, exposure, _scratch.AsSpan(0, 2 * width), row, cells);
        }

        var usdPerUnit = unit.Margin.UsdPerUnit;
        var (worst, counted) = RiskUnitEngine.WorstOf(grid, cells[..n]);
        var amounts = unit.AddOns.Amounts(exposure);
        var riskMatrix = RiskUnitEngine.Combine(_portfolio.Family, Math.Max(0, -counted), amounts, usdPerUnit);
        var cellsUsd = UnitFigures.Cells(_portfolio, cells[..n], usdPerUnit);

        var ordersMargin = withOrders
            ? OpenOrdersMargin.Of(riskMatrix,
                unit.Bids is { } bids ? Filled(bids.Cells, bids.AddOns, grid, exposure, row, cells, usdPerUnit) : null,
                unit.Asks is { } asks ? Filled(asks.Cells, asks.AddOns, grid, exposure, row, cells, usdPerUnit) : null)
            : 0.0;

        var direction = grid.Scenarios[worst].PriceMove < 0 ? -1.0 : 1.0;
        var (unitMm, unitIm) = LossFactorRequirement(unit.Grid.Parameters, Math.Max(0, -counted), amounts, usdPerUnit);
        return Quote(k, new UnitFigures(unit.Margin.Underlying, riskMatrix * usdPerUnit, Math.Max(0, -counted) * usdPerUnit,
            unit.AddOns.NetDelta(exposure), direction, ordersMargin * usdPerUnit, unitMm * usdPerUnit, unitIm * usdPerUnit, cellsUsd));
    }

    /// <summary>
    /// Portfolio IM and MM with one more resting order: it moves only the open-orders margin (the increase
    /// of each unit's risk-matrix margin if every order filled), as a new order does on the venues.
    /// On an underlying the book does not hold yet, the account is recomputed in full.
    /// </summary>
    /// <exception cref="Errors.MissingMarketDataException">No price or vol for the order's instrument.</exception>
    public MarginQuote WhatIfOrder(OpenOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var k = UnitOf(order.Instrument.Underlying.Id);
        if (k < 0 || _units[k].Grid.Parameters.GroupsByExpiry)
            return Create(CompiledBook.Compile(new Account(_account.Id, _account.Mode, _account.Balances, _account.Positions, _account.Orders.Append(order)), _compiled)).Current;
        var exposure = _compiled.Exposure(order.Instrument, (double)order.SignedQuantity, $"order:{order.Id}");
        var unit = _units[k];
        var grid = unit.Grid;
        var width = grid.Width;
        var row = _row.AsSpan(0, width);
        _compiled.FillRow(grid, exposure, _scratch.AsSpan(0, 2 * width), row);
        var (side, other) = order.Side == OrderSide.Buy ? (unit.Bids, unit.Asks) : (unit.Asks, unit.Bids);
        var usdPerUnit = unit.Margin.UsdPerUnit;
        // The order fills with the resting orders of its own side (or alone, on a side that has none).
        var filled = Filled(side?.Cells ?? unit.Cells, side?.AddOns ?? unit.AddOns, grid, exposure, row, _cells.AsSpan(0, width), usdPerUnit);
        var figures = _figures[k];
        var ordersMargin = OpenOrdersMargin.Of(unit.Margin.RiskMatrixMargin, filled, other?.RiskMatrix);
        return Quote(k, figures with { OrdersUsd = ordersMargin * usdPerUnit });
    }

    /// <summary>Portfolio IM and MM if every <paramref name="positions"/> leg were added (a position builder's virtual book).</summary>
    public MarginQuote WhatIf(IReadOnlyList<Position> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Count == 1)
            return WhatIf(positions[0]);
        if (positions.Any(p => UnitOf(p.Instrument.Underlying.Id) is var k && (k < 0 || _units[k].Grid.Parameters.GroupsByExpiry)))
            return Recompute(positions);
        var figures = (UnitFigures[])_figures.Clone();
        foreach (var group in positions.GroupBy(p => UnitOf(p.Instrument.Underlying.Id)))
        {
            var unit = _units[group.Key];
            var grid = unit.Grid;
            var n = grid.Count;
            var width = grid.Width;
            var cells = (double[])unit.Cells.Clone();
            var addOns = unit.AddOns.Clone();
            (double[] Cells, AddOns AddOns)? bids = unit.Bids is null ? null : ((double[])unit.Bids.Cells.Clone(), unit.Bids.AddOns.Clone());
            (double[] Cells, AddOns AddOns)? asks = unit.Asks is null ? null : ((double[])unit.Asks.Cells.Clone(), unit.Asks.AddOns.Clone());
            foreach (var position in group)
            {
                var exposure = _compiled.Exposure(position.Instrument, (double)position.Quantity, position.Instrument.Id);
                var row = _row.AsSpan(0, width);
                _compiled.FillRow(grid, exposure, _scratch.AsSpan(0, 2 * width), row);
                ScenarioKernels.Accumulate(row, cells);
                addOns.Add(exposure);
                AddLeg(bids, row, exposure);
                AddLeg(asks, row, exposure);
            }

            var usdPerUnit = unit.Margin.UsdPerUnit;
            var (worst, counted) = RiskUnitEngine.WorstOf(grid, cells.AsSpan(0, n));
            var amounts = addOns.Amounts();
            var riskMatrix = RiskUnitEngine.Combine(_portfolio.Family, Math.Max(0, -counted), amounts, usdPerUnit);
            var (unitMm, unitIm) = LossFactorRequirement(unit.Grid.Parameters, Math.Max(0, -counted), amounts, usdPerUnit);
            double? Side((double[] Cells, AddOns AddOns)? filledSide) => filledSide is { } f
                ? RiskUnitEngine.Combine(_portfolio.Family, Math.Max(0, -RiskUnitEngine.WorstOf(grid, f.Cells.AsSpan(0, n)).Counted), f.AddOns.Amounts(), usdPerUnit)
                : null;
            var ordersMargin = OpenOrdersMargin.Of(riskMatrix, Side(bids), Side(asks));
            figures[group.Key] = new UnitFigures(unit.Margin.Underlying, riskMatrix * usdPerUnit, Math.Max(0, -counted) * usdPerUnit, addOns.NetDelta(),
                grid.Scenarios[worst].PriceMove < 0 ? -1.0 : 1.0, ordersMargin * usdPerUnit, unitMm * usdPerUnit, unitIm * usdPerUnit,
                UnitFigures.Cells(_portfolio, cells.AsSpan(0, n), usdPerUnit));
        }

        return Quote(figures);
    }

    private MarginQuote Quote(int replaced, UnitFigures unit)
    {
        _figures.CopyTo(_quoteScratch, 0);
        _quoteScratch[replaced] = unit;
        return Quote(_quoteScratch);
    }

    private MarginQuote Quote(ReadOnlySpan<UnitFigures> figures)
    {
        var (mm, im, riskMatrix) = RiskUnitEngine.Totals(_portfolio, figures);
        return new MarginQuote(im, mm, riskMatrix);
    }

    /// <summary>The risk-matrix margin of <paramref name="start"/> (a side's filled cells, or the book's) with <paramref name="row"/> (the new leg) added, in <paramref name="cells"/>.</summary>
    private double Filled(double[] start, AddOns addOns, UnitGrid grid, Exposure exposure, ReadOnlySpan<double> row, Span<double> cells, double usdPerUnit)
    {
        start.CopyTo(cells);
        ScenarioKernels.Accumulate(row, cells);
        var (_, counted) = RiskUnitEngine.WorstOf(grid, cells[..grid.Count]);
        return RiskUnitEngine.Combine(_portfolio.Family, Math.Max(0, -counted), addOns.Amounts(exposure), usdPerUnit);
    }

    /// <summary>Adds a virtual leg to a side's copied cells and add-ons, when the side has orders.</summary>
    private static void AddLeg((double[] Cells, AddOns AddOns)? side, ReadOnlySpan<double> row, Exposure exposure)
    {
        if (side is not { } s)
            return;
        ScenarioKernels.Accumulate(row, s.Cells);
        s.AddOns.Add(exposure);
    }

    private (double Maintenance, double Initial) LossFactorRequirement(RiskUnitParameters p, double worstLoss, in AddOnAmounts amounts, double usdPerUnit) =>
        _portfolio.LossFactors is { } factors ? RiskUnitEngine.LossFactorRequirement(factors, p, worstLoss, amounts, usdPerUnit) : default;

    private MarginQuote Recompute(IEnumerable<Position> positions) =>
        Create(CompiledBook.Compile(new Account(_account.Id, _account.Mode, _account.Balances, _account.Positions.Concat(positions), _account.Orders), _compiled)).Current;

    private int UnitOf(string underlying)
    {
        for (var i = 0; i < _units.Length; i++)
        {
            if (_units[i].Margin.Underlying == underlying)
                return i;
        }

        return -1;
    }
}
