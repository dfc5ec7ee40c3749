using System.Collections.Immutable;

namespace MarginEngine.Results;

/// <summary>
/// Portfolio margin of an account: the account summary (<see cref="Report"/>, method Portfolio) and
/// the breakdown that explains it.
/// </summary>
/// <param name="Report">Account totals; position lines carry zero IM/MM because requirements belong to risk units.</param>
/// <param name="Units">One breakdown per risk unit.</param>
/// <param name="Aggregation">"none", "pair credit" or "correlation".</param>
/// <param name="RiskMatrixMarginUsd">Σ unit risk-matrix margins in USD before offsets.</param>
/// <param name="CrossUnitOffsetUsd">USD taken off by offsets across units (credit, or the correlation's diversification).</param>
public sealed record PortfolioMarginResult(
    MarginReport Report,
    ImmutableArray<RiskUnitMargin> Units,
    string Aggregation,
    double RiskMatrixMarginUsd,
    double CrossUnitOffsetUsd);
