namespace MarginEngine.Portfolio;

/// <summary>What cross-unit aggregation needs of a unit, in USD.</summary>
internal readonly record struct UnitFigures(string Underlying, double RiskMatrixUsd, double WorstLossUsd, double NetDelta, double Direction, double OrdersUsd)
{
    public static UnitFigures Of(Results.RiskUnitMargin u) =>
        new(u.Underlying, u.RiskMatrixMargin * u.UsdPerUnit, u.WorstCaseLoss * u.UsdPerUnit, u.NetDelta,
            u.WorstScenario.Scenario.PriceMove < 0 ? -1.0 : 1.0, u.OpenOrdersMargin * u.UsdPerUnit);
}
