namespace MarginEngine.Attribution;

/// <summary>
/// What one position (or a unit's coin collateral, or its resting orders) costs in margin, USD
/// (docs/methodology.md §What each leg costs).
/// </summary>
/// <param name="Id">Instrument id; <c>collateral:BTC</c> for a unit's coin collateral; <c>orders:BTC</c> for a unit's resting orders; <c>order:id</c> under standard margin.</param>
/// <param name="Underlying">The risk unit (portfolio margin) or the underlying.</param>
/// <param name="InitialMargin">
/// Additive IM: portfolio margin, the leg's share of its unit's IM (the shares of a unit's legs and orders sum to the
/// unit's IM); standard margin, the position's own IM.
/// </param>
/// <param name="MaintenanceMargin">Additive MM, as <paramref name="InitialMargin"/>.</param>
/// <param name="MarginalInitialMargin">The account's IM with the position less without it (null for collateral and orders): what closing it frees.</param>
/// <param name="WorstScenarioShare">Portfolio margin: its part of the unit's worst-case loss (its loss in the worst scenario, scaled to the counted loss); may be negative for a hedge.</param>
/// <param name="AddOnShare">Portfolio margin: its part of the unit's add-ons, each shared by what drives it (deltas, short options, futures).</param>
/// <param name="ShareOfPool">Its IM over the IM of all positions it is pooled with (its unit under portfolio margin); null for a position with its own margin.</param>
public sealed record LegCost(
    string Id,
    string Underlying,
    double InitialMargin,
    double MaintenanceMargin,
    double? MarginalInitialMargin,
    double WorstScenarioShare,
    double AddOnShare,
    double? ShareOfPool);
