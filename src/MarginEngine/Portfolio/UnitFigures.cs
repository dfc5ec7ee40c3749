namespace MarginEngine.Portfolio;

/// <summary>What cross-unit aggregation needs of a unit, in USD.</summary>
/// <remarks>
/// <see cref="MaintenanceUsd"/> and <see cref="InitialUsd"/> are the unit's own requirements under
/// <see cref="LossFactors"/> (IM without open orders), zero otherwise.
/// </remarks>
internal readonly record struct UnitFigures(string Underlying, double RiskMatrixUsd, double WorstLossUsd, double NetDelta, double Direction, double OrdersUsd,
    double MaintenanceUsd, double InitialUsd)
{
    public static UnitFigures Of(Results.RiskUnitMargin u, bool lossFactors) =>
        new(u.Underlying, u.RiskMatrixMargin * u.UsdPerUnit, u.WorstCaseLoss * u.UsdPerUnit, u.NetDelta,
            u.WorstScenario.Scenario.PriceMove < 0 ? -1.0 : 1.0, u.OpenOrdersMargin * u.UsdPerUnit,
            lossFactors ? u.MaintenanceMargin * u.UsdPerUnit : 0, lossFactors ? (u.InitialMargin - u.OpenOrdersMargin) * u.UsdPerUnit : 0);
}
