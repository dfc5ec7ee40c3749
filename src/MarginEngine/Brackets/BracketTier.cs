namespace MarginEngine.Brackets;

/// <summary>
/// One leverage bracket as a venue publishes it. <see cref="MaintenanceAmount"/> ("cum") may be
/// omitted: <see cref="BracketSchedule"/> derives it, and checks it when given.
/// </summary>
/// <param name="NotionalFloor">Lowest notional of the bracket (inclusive), in the settlement asset.</param>
/// <param name="NotionalCap">Highest notional (exclusive); null for unbounded (last bracket only).</param>
/// <param name="MaxLeverage">Highest leverage allowed in the bracket; IM rate = 1 / leverage.</param>
/// <param name="MaintenanceMarginRate">MMR applied to the whole notional.</param>
/// <param name="MaintenanceAmount">Published cum, or null to derive it.</param>
public readonly record struct BracketTier(
    decimal NotionalFloor,
    decimal? NotionalCap,
    decimal MaxLeverage,
    decimal MaintenanceMarginRate,
    decimal? MaintenanceAmount = null);
