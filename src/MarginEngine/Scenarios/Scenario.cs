namespace MarginEngine.Scenarios;

/// <summary>One stress scenario of a risk unit.</summary>
/// <param name="Kind">Standard, extended or extreme.</param>
/// <param name="PriceMove">Relative move of the underlying (0.08 = +8%).</param>
/// <param name="Vol">Vol state.</param>
/// <param name="Weight">Factor on the scenario's P&amp;L: 1 for standard, priceRange/|move| for extended, the fraction for extreme.</param>
/// <param name="VolFraction">Share of the full up or down vol shock applied (1 = full; 0.5 = half), for grids with more than three vol levels.</param>
public readonly record struct Scenario(ScenarioKind Kind, double PriceMove, VolState Vol, double Weight, double VolFraction = 1.0);
