using MarginEngine.Compiled;
using MarginEngine.Kernels;
using MarginEngine.Profiles;

namespace MarginEngine.Portfolio;

/// <summary>
/// A risk unit's open-orders margin (docs/methodology.md §Portfolio, step 6): the unit with every resting bid filled,
/// and with every resting ask filled, each side whole and never the two together.
/// </summary>
internal static class OpenOrdersMargin
{
    /// <summary>
    /// The open-orders margin (docs/methodology.md §Portfolio, step 6): the larger increase of the risk-matrix margin when
    /// every resting bid fills or when every resting ask fills, never negative. A side without orders counts as no increase,
    /// so an order on one side never lowers what the other side needs.
    /// </summary>
    internal static double Of(double riskMatrix, double? bidsFilled, double? asksFilled) =>
        Math.Max(0, Math.Max(bidsFilled ?? riskMatrix, asksFilled ?? riskMatrix) - riskMatrix);

    /// <summary>The unit with every resting order of one side filled (bids: positive quantity), or null when that side has none.</summary>
    internal static FilledSide? Filled(CompiledUnit unit, PortfolioParameters portfolio, double[] flat, ExpiryGroups? groups, double[] scratch,
        bool buys, double usdPerUnit)
    {
        var orders = unit.Orders;
        List<Exposure>? picked = null;
        double[]? flatSide = null;
        ExpiryGroups? groupsSide = null;
        double[]? row = null;
        for (var k = 0; k < orders.Count; k++)
        {
            if (orders.Exposures[k].Quantity > 0 != buys)
                continue;
            if (flatSide is null)
            {
                flatSide = (double[])flat.Clone();
                picked = [];
                groupsSide = groups?.Clone();
                row = new double[unit.Grid.Width];
            }

            orders.Fill(k, scratch, row);
            if (groupsSide?.Add(orders.Exposures[k], row) != true)
                ScenarioKernels.Accumulate(row, flatSide);
            picked!.Add(orders.Exposures[k]);
        }

        if (flatSide is null)
            return null;
        var cells = RiskUnitEngine.WithGroups(flatSide, groupsSide);
        var counted = RiskUnitEngine.Count(unit.Grid, cells.AsSpan(0, unit.Grid.Count));
        var addOns = new AddOns(unit.Parameters.AddOns, unit.Index, unit.Book.Exposures.Concat(picked!), unit.Confidence);
        return new FilledSide(cells, addOns, RiskUnitEngine.Combine(portfolio.Family, Math.Max(0, -counted[RiskUnitEngine.Worst(counted)]), addOns.Amounts(), usdPerUnit));
    }

    /// <summary>
    /// <see cref="Filled"/> for a quote: the risk-matrix margin with one side's orders added to the book's cells
    /// (<paramref name="before"/>, flat sums), in the same order and arithmetic, or null when that side has none.
    /// </summary>
    internal static double? FilledQuote(CompiledUnit unit, PortfolioParameters portfolio, double[] before, ExpiryGroups? groups, AddOns bookAddOns,
        Span<double> scratch, Span<double> row, Span<double> cells, bool buys, double usdPerUnit)
    {
        var orders = unit.Orders;
        AddOns? addOns = null;
        ExpiryGroups? groupsSide = null;
        for (var k = 0; k < orders.Count; k++)
        {
            if (orders.Exposures[k].Quantity > 0 != buys)
                continue;
            if (addOns is null)
            {
                before.AsSpan().CopyTo(cells);
                addOns = bookAddOns.Clone();
                groupsSide = groups?.Clone();
            }

            if (groupsSide is null)
            {
                orders.AddTo(k, scratch, row, cells);
            }
            else
            {
                orders.Fill(k, scratch, row);
                if (!groupsSide.Add(orders.Exposures[k], row))
                    ScenarioKernels.Accumulate(row, cells);
            }

            addOns.Add(orders.Exposures[k]);
        }

        if (addOns is null)
            return null;
        groupsSide?.AddTo(cells);
        return RiskUnitEngine.Combine(portfolio.Family, Math.Max(0, -RiskUnitEngine.WorstOf(unit.Grid, cells[..unit.Grid.Count]).Counted), addOns.Amounts(), usdPerUnit);
    }
}

/// <summary>A unit with every resting order of one side filled: its cells and add-ons, and the risk-matrix margin they give (unit currency).</summary>
internal sealed record FilledSide(double[] Cells, AddOns AddOns, double RiskMatrix);
