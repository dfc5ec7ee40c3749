using System.Collections.Immutable;
using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>
/// Binance-style portfolio margin without a grid (docs/methodology.md §Unified): uniMMR = adjusted equity /
/// Σ bracket MM, and a status ladder on uniMMR. Levels are checked from the top: the first whose threshold
/// uniMMR exceeds names the status; below every threshold the status is the last level's.
/// </summary>
public sealed record UnifiedMarginParameters
{
    /// <summary>Binance's published ladder: &gt;150% normal, 120-150% warning, 105-120% reduce-only, &lt;=105% liquidation.</summary>
    public static UnifiedMarginParameters Binance { get; } = new([new("normal", 1.5m), new("warning", 1.2m), new("reduce-only", 1.05m), new("liquidation", 0m)]);

    /// <summary>Creates a ladder; thresholds strictly decreasing, the last 0.</summary>
    /// <exception cref="InvalidMarginInputException">An empty ladder, unsorted thresholds, or a last threshold other than 0.</exception>
    public UnifiedMarginParameters(IReadOnlyList<StatusLevel> ladder)
    {
        if (ladder is null || ladder.Count == 0 || ladder[^1].Threshold != 0m)
            throw new InvalidMarginInputException("unified.ladder", "needs levels ending with a threshold of 0");
        for (var i = 1; i < ladder.Count; i++)
        {
            if (ladder[i].Threshold >= ladder[i - 1].Threshold)
                throw new InvalidMarginInputException($"unified.ladder[{i}].threshold", "thresholds must fall strictly");
        }

        Ladder = [.. ladder];
    }

    /// <summary>Status levels, highest threshold first.</summary>
    public ImmutableArray<StatusLevel> Ladder { get; }

    /// <summary>The status of a uniMMR: the first level whose threshold it exceeds, else the last.</summary>
    public string StatusOf(decimal uniMmr) => Ladder.FirstOrDefault(l => uniMmr > l.Threshold)?.Name ?? Ladder[^1].Name;
}

/// <summary>A rung of the ladder: the status while uniMMR is above <paramref name="Threshold"/>.</summary>
public sealed record StatusLevel(string Name, decimal Threshold);
