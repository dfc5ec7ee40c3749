using MarginEngine.Brackets;

namespace MarginEngine.Modes;

/// <summary>Exact (unrounded) standard-margin figures of one position or order, USD unless named otherwise.</summary>
internal readonly record struct PositionFigures(
    decimal Mark,
    decimal SettlementToUsd,
    decimal NotionalSettlement,
    decimal NotionalUsd,
    decimal PnlSettlement,
    decimal PnlUsd,
    decimal OptionValueUsd,
    LeverageBracket? Bracket,
    decimal? Leverage,
    decimal InitialMarginUsd,
    decimal MaintenanceMarginUsd,
    decimal ClosingFeeUsd);
