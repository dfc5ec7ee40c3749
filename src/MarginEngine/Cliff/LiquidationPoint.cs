using System.Collections.Immutable;

namespace MarginEngine.Cliff;

/// <summary>
/// The smallest move (down or up) at which the account reaches maintenance (docs/methodology.md §Margin cliff): the
/// pool's balance falls to its MM, or under isolated margin a position's margin balance to its MM. Found by bracketing and
/// bisection to the sweep's tolerance; <see cref="Move"/> is the bracket's end already at or past MM.
/// </summary>
/// <param name="Move">The move, within the tolerance above the exact one (0 when the account is already there).</param>
/// <param name="Binding">"pool", or (isolated margin) the instrument id of the position that reaches MM first.</param>
/// <param name="IndexPrices">The moved assets' index prices there, USD.</param>
/// <param name="Effects">What cut the headroom between the snapshot and here, largest first.</param>
public sealed record LiquidationPoint(double Move, string Binding, ImmutableDictionary<string, double> IndexPrices, ImmutableArray<CliffEffect> Effects)
{
    /// <summary>The largest effect: what made the cliff.</summary>
    public CliffEffect? Cause => Effects.IsDefaultOrEmpty ? null : Effects[0];
}
