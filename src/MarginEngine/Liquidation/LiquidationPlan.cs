using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Results;

namespace MarginEngine.Liquidation;

/// <summary>What a step of a liquidation plan does (docs/methodology.md §Liquidation plan).</summary>
public enum LiquidationAction
{
    /// <summary>Every resting order cancelled.</summary>
    CancelOrders,

    /// <summary>A borrow repaid by selling other collateral at its index.</summary>
    RepayBorrow,

    /// <summary>Part of a pooled position closed at its mark.</summary>
    ReducePosition,

    /// <summary>An own-margin position reduced into a lower bracket (risk-limit tier), its margin kept.</summary>
    StepDownTier,

    /// <summary>An own-margin position taken over at its bankruptcy price; its margin is lost.</summary>
    CloseAtBankruptcy,
}

/// <summary>One step of a liquidation plan and the account's figures after it (USD, rounded as in reports).</summary>
/// <param name="Number">1-based.</param>
/// <param name="Action">What it does.</param>
/// <param name="Target">The instrument, order set or asset it acts on.</param>
/// <param name="Quantity">Contracts it closes (signed as the position), coins it repays, or orders it cancels.</param>
/// <param name="Price">The price it trades at (mark, bankruptcy price, or the repaid asset's index), or null.</param>
/// <param name="Detail">Why this step: the relief it was chosen for.</param>
/// <param name="Equity">Equity after it.</param>
/// <param name="MaintenanceMargin">The account's MM after it.</param>
/// <param name="MarginBalance">The pool's balance after it.</param>
/// <param name="MarginRatio">Pool MM / pool balance after it; null when the balance is not positive.</param>
public sealed record LiquidationStep(int Number, LiquidationAction Action, string Target, decimal Quantity, decimal? Price, string Detail,
    decimal Equity, decimal MaintenanceMargin, decimal MarginBalance, decimal? MarginRatio);

/// <summary>
/// The venues' liquidation ladder for one account (docs/methodology.md §Liquidation plan): cancel orders, repay borrows
/// from collateral, reduce pooled positions by margin relief per unit of notional until the margin ratio is under the
/// target; own-margin positions at or past their MM step down their tiers, then close at bankruptcy.
/// </summary>
/// <param name="Method">The method the account was margined under.</param>
/// <param name="TargetRatio">The pool margin ratio the plan reduces to.</param>
/// <param name="RatioBefore">Pool margin ratio before; null when the balance is not positive.</param>
/// <param name="RatioAfter">Pool margin ratio after the last step.</param>
/// <param name="Status">"healthy" (nothing at or past MM: no step), "restored" (under the target, every own-margin position above its MM) or "not restored" (positions ran out first).</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="After">The account after the last step.</param>
public sealed record LiquidationPlan(MarginMethod Method, decimal TargetRatio, decimal? RatioBefore, decimal? RatioAfter, string Status,
    ImmutableArray<LiquidationStep> Steps, Account After);
