using MarginEngine.Scenarios;

namespace MarginEngine.Results;

/// <summary>A risk unit's P&amp;L in one scenario, in the unit's currency, after weights, dampener and gain offset.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="PnL">Counted P&amp;L: gain positive, loss negative.</param>
public sealed record ScenarioPnl(Scenario Scenario, [property: System.Text.Json.Serialization.JsonPropertyName("pnl")] double PnL);
