using MarginEngine.Errors;

namespace MarginEngine.Cliff;

/// <summary>The moves of a sweep: <paramref name="From"/> to <paramref name="To"/> in steps of <paramref name="Step"/> (fractions: -0.5 = -50%).</summary>
/// <param name="From">First move, above -1.</param>
/// <param name="To">Last move, at least <paramref name="From"/>.</param>
/// <param name="Step">Distance between moves, positive.</param>
public sealed record CliffRange(double From, double To, double Step)
{
    /// <summary>At most this many steps (a 0.01% sweep of ±50%).</summary>
    public const int MaxSteps = 10_001;

    /// <summary>-50% to +50% in 1% steps: 101 moves.</summary>
    public static CliffRange Default { get; } = new(-0.5, 0.5, 0.01);

    /// <summary>The moves, From + i x Step (the last one clipped to To), with 0 among them when inside the range.</summary>
    /// <exception cref="InvalidMarginInputException">A bound not above -100%, From after To, a step not positive, or too many steps.</exception>
    public IReadOnlyList<double> Moves()
    {
        if (!(From > -1) || !double.IsFinite(From))
            throw new InvalidMarginInputException("cliff.from", $"must be above -100% but was {Guard.Show(From)}");
        if (!(To >= From) || !double.IsFinite(To))
            throw new InvalidMarginInputException("cliff.to", $"must be finite and at least cliff.from ({Guard.Show(From)}) but was {Guard.Show(To)}");
        if (!(Step > 0) || !double.IsFinite(Step))
            throw new InvalidMarginInputException("cliff.step", $"must be positive but was {Guard.Show(Step)}");
        var count = Math.Ceiling((To - From) / Step - 1e-9) + 1;
        if (count > MaxSteps)
            throw new InvalidMarginInputException("cliff.step", $"gives {count:N0} moves; at most {MaxSteps:N0}");
        var moves = new SortedSet<double>();
        for (var i = 0; i < (int)count; i++)
            moves.Add(Math.Min(From + i * Step, To));
        if (From < 0 && To > 0)
            moves.Add(0);
        return [.. moves];
    }
}
