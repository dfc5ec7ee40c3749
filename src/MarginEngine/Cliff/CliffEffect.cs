namespace MarginEngine.Cliff;

/// <summary>What moved an account toward liquidation between the snapshot and its liquidation point (docs/methodology.md §Margin cliff).</summary>
public enum CliffEffectKind
{
    /// <summary>The positions' P&amp;L and option value fell.</summary>
    PositionLoss,

    /// <summary>Collateral devalued with the move (haircut value, tiers included).</summary>
    CollateralDevaluing,

    /// <summary>A position's MM moved to another bracket (tier) of its schedule.</summary>
    BracketJump,

    /// <summary>An add-on that was zero at the snapshot charges at the liquidation point (portfolio margin).</summary>
    AddOnSwitchingOn,

    /// <summary>An add-on that already charged grew (portfolio margin).</summary>
    AddOnGrowth,

    /// <summary>An offset across risk units (a pair credit, a spread, a correlation's diversification) stopped counting, in full or in part.</summary>
    OffsetLost,

    /// <summary>The rest of the MM's rise: notional-proportional MM, a larger worst-case loss, borrows.</summary>
    MaintenanceGrowth,
}

/// <summary>One effect, sized in USD by how much it cut the headroom (positive = toward liquidation).</summary>
/// <param name="Kind">Which effect.</param>
/// <param name="Detail">What, e.g. "BTC-PERP: bracket 1 to 2" or "BTC: delta shock".</param>
/// <param name="AmountUsd">Headroom lost to it, USD (add-ons and offsets: their change in the risk-matrix margin, before the MM relation).</param>
public sealed record CliffEffect(CliffEffectKind Kind, string Detail, double AmountUsd);
