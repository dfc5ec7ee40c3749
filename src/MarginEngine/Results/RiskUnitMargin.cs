using System.Collections.Immutable;
using MarginEngine.Scenarios;

namespace MarginEngine.Results;

/// <summary>
/// One underlying's portfolio-margin breakdown, amounts in <see cref="Currency"/> (coin units are also
/// given in USD at the index).
/// </summary>
/// <param name="Underlying">Asset id.</param>
/// <param name="Currency">Unit currency.</param>
/// <param name="IndexPrice">Underlying index, USD.</param>
/// <param name="Scenarios">Every scenario's counted P&amp;L (standard grid price-major, then extended, then extreme).</param>
/// <param name="WorstScenario">The scenario with the lowest counted P&amp;L.</param>
/// <param name="WorstCaseLoss">max(0, -lowest counted P&amp;L).</param>
/// <param name="AddOns">Every add-on switched on, zero ones included.</param>
/// <param name="RiskMatrixMargin">Worst case and add-ons combined per the family.</param>
/// <param name="OpenOrdersMargin">The larger increase of the risk-matrix margin if every resting bid filled or if every resting ask filled (never negative).</param>
/// <param name="MaintenanceMargin">Unit MM per the profile's relation.</param>
/// <param name="InitialMargin">Unit IM per the profile's relation.</param>
/// <param name="UsdPerUnit">USD per unit of currency: 1 for USD units, the index for coin units.</param>
/// <param name="NetDelta">Net delta, coins.</param>
/// <param name="Contributions">Each position's P&amp;L in the worst scenario and its risk vector.</param>
public sealed record RiskUnitMargin(
    string Underlying,
    UnitCurrency Currency,
    double IndexPrice,
    ImmutableArray<ScenarioPnl> Scenarios,
    ScenarioPnl WorstScenario,
    double WorstCaseLoss,
    ImmutableArray<AddOnCharge> AddOns,
    double RiskMatrixMargin,
    double OpenOrdersMargin,
    double MaintenanceMargin,
    double InitialMargin,
    double UsdPerUnit,
    double NetDelta,
    ImmutableArray<PositionContribution> Contributions)
{
    /// <summary><see cref="InitialMargin"/> in USD (coin units at the index), unrounded.</summary>
    public double InitialMarginUsd => InitialMargin * UsdPerUnit;

    /// <summary><see cref="MaintenanceMargin"/> in USD (coin units at the index), unrounded.</summary>
    public double MaintenanceMarginUsd => MaintenanceMargin * UsdPerUnit;
}
