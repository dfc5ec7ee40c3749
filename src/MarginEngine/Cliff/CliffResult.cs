using System.Collections.Immutable;
using MarginEngine.Results;

namespace MarginEngine.Cliff;

/// <summary>A margin-cliff sweep of one account under one method (docs/methodology.md §Margin cliff).</summary>
/// <param name="Method">Isolated, cross or portfolio.</param>
/// <param name="Profile">Risk profile name.</param>
/// <param name="Shock">How prices moved, e.g. "every asset together".</param>
/// <param name="Points">One point per move, in order.</param>
/// <param name="Down">The liquidation point below the snapshot; null when no price down to -99% reaches MM.</param>
/// <param name="Up">The liquidation point above; null when no price up to 10 times the snapshot's reaches MM.</param>
/// <param name="Tolerance">Accuracy of the liquidation moves.</param>
public sealed record CliffResult(
    MarginMethod Method,
    string Profile,
    string Shock,
    ImmutableArray<CliffPoint> Points,
    LiquidationPoint? Down,
    LiquidationPoint? Up,
    double Tolerance);
