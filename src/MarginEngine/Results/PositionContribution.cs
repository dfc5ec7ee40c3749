namespace MarginEngine.Results;

/// <summary>What one position (or the coin collateral, or a resting order) contributes to its unit's worst scenario, unit currency.</summary>
/// <param name="Id">Instrument id, <c>collateral:ASSET</c>, or <c>order:ID</c>.</param>
/// <param name="PnL">Its P&amp;L in the worst scenario before the gain offset (negative = it costs).</param>
public sealed record PositionContribution(string Id, double PnL);
