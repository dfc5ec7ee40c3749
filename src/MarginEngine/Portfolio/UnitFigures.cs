using MarginEngine.Profiles;

namespace MarginEngine.Portfolio;

/// <summary>What cross-unit aggregation needs of a unit, in USD.</summary>
/// <remarks>
/// <see cref="MaintenanceUsd"/> and <see cref="InitialUsd"/> are the unit's own requirements under
/// <see cref="LossFactors"/> (IM without open orders), zero otherwise.
/// </remarks>
/// <remarks>
/// <see cref="CellsUsd"/>, the unit's cells in USD before the gain offset (legs summed), is kept only when
/// the aggregation scans them (<see cref="CrossUnitAggregation.ScanningSpreads"/>), else null.
/// </remarks>
internal readonly record struct UnitFigures(string Underlying, double RiskMatrixUsd, double WorstLossUsd, double NetDelta, double Direction, double OrdersUsd,
    double MaintenanceUsd, double InitialUsd, double[]? CellsUsd = null)
{
    public static UnitFigures Of(UnitEvaluation e, PortfolioParameters portfolio)
    {
        var u = e.Margin;
        return new(u.Underlying, u.RiskMatrixMargin * u.UsdPerUnit, u.WorstCaseLoss * u.UsdPerUnit, u.NetDelta,
            u.WorstScenario.Scenario.PriceMove < 0 ? -1.0 : 1.0, u.OpenOrdersMargin * u.UsdPerUnit,
            portfolio.LossFactors is not null ? u.MaintenanceMargin * u.UsdPerUnit : 0,
            portfolio.LossFactors is not null ? (u.InitialMargin - u.OpenOrdersMargin) * u.UsdPerUnit : 0,
            Cells(portfolio, e.Cells.AsSpan(0, e.Grid.Count), u.UsdPerUnit));
    }

    /// <summary>Whether the aggregation needs each unit's counted cells.</summary>
    public static bool ScansCells(PortfolioParameters portfolio) => portfolio.Aggregation is CrossUnitAggregation.ScanningSpreads;

    /// <summary>The unit's summed cells in USD when the aggregation needs them (allocates), else null.</summary>
    public static double[]? Cells(PortfolioParameters portfolio, ReadOnlySpan<double> sums, double usdPerUnit)
    {
        if (!ScansCells(portfolio))
            return null;
        var cells = new double[sums.Length];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = sums[i] * usdPerUnit;
        return cells;
    }
}
