using MarginEngine.Brackets;

namespace MarginEngine.Modes;

/// <summary>Exact (unrounded) standard-margin figures of one position, USD unless named otherwise; option value is signed.</summary>
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
    decimal ClosingFeeUsd)
{
    /// <summary>Option value counted in standard-margin equity: long options only (short ones sit in their MM).</summary>
    public decimal LongOptionValueUsd => Math.Max(0m, OptionValueUsd);
}
