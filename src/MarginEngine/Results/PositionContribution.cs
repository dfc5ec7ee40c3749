using System.Collections.Immutable;

namespace MarginEngine.Results;

/// <summary>What one position (or the coin collateral, or a resting order) contributes to its unit, unit currency.</summary>
/// <param name="Id">Instrument id, <c>collateral:ASSET</c>, or <c>order:ID</c>.</param>
/// <param name="PnL">Its P&amp;L in the worst scenario before the gain offset (negative = it costs).</param>
/// <param name="ScenarioPnl">
/// Its P&amp;L in every scenario of the unit, in <see cref="RiskUnitMargin.Scenarios"/> order (standard grid
/// price-major, then extended, then extreme), before the gain offset and the dampener, each cell as it
/// enters the unit's sum (extended and extreme cells carry their weight): the per-instrument risk
/// vector a venue publishes, to compare cell by cell.
/// </param>
public sealed record PositionContribution(string Id, [property: System.Text.Json.Serialization.JsonPropertyName("pnl")] double PnL, ImmutableArray<double> ScenarioPnl);
