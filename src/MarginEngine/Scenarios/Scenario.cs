namespace MarginEngine.Scenarios;

/// <summary>One stress scenario of a risk unit.</summary>
/// <param name="Kind">Standard, extended or extreme.</param>
/// <param name="PriceMove">Relative move of the underlying (0.08 = +8%).</param>
/// <param name="Vol">Vol state.</param>
/// <param name="Weight">Factor on the scenario's P&amp;L: 1 for standard, priceRange/|move| for extended, the fraction for extreme.</param>
public readonly record struct Scenario(ScenarioKind Kind, double PriceMove, VolState Vol, double Weight);
