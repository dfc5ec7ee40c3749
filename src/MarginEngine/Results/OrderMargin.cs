namespace MarginEngine.Results;

/// <summary>One resting order's line, USD, rounded per docs/numerics.md.</summary>
/// <param name="OrderId">Order id.</param>
/// <param name="InstrumentId">Instrument.</param>
/// <param name="OpeningNotional">Notional of the part that opens or adds to a position, at the limit price.</param>
/// <param name="InitialMargin">IM reserved from the available balance.</param>
/// <param name="MaintenanceMargin">MM as if filled, when the profile counts it; else zero.</param>
/// <param name="OpeningFee">Expected taker fee, when the profile counts opening fees; else zero.</param>
public sealed record OrderMargin(
    string OrderId,
    string InstrumentId,
    decimal OpeningNotional,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    decimal OpeningFee);
