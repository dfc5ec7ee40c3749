using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Cliff;

/// <summary>
/// The margin cliff (docs/methodology.md §Margin cliff): how equity, IM, MM, margin ratio and available balance move as
/// prices fall or rise, collateral revalued with them, under any method; and the liquidation distance, the smallest
/// move down and up at which the account reaches maintenance, with what made it.
/// </summary>
public static class MarginCliff
{
    /// <summary>Liquidation moves are found to within this (0.0001%) unless asked otherwise.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>Moves scanned beyond a sweep's range for a bracket: 1% steps down to -99%; up, 1% steps to +50%, then 10% of price at a time to 10 times it.</summary>
    private const double ScanStep = 0.01;

    private const double ScanFloor = -0.99;

    private const double ScanCeiling = 9;

    /// <summary>Sweeps <paramref name="range"/> and finds the liquidation distance both ways.</summary>
    /// <exception cref="MissingRiskParameterException">The profile does not offer <paramref name="method"/>.</exception>
    /// <exception cref="InvalidMarginInputException">A bad range or tolerance, or a moved instrument valued from a clearing-house risk array.</exception>
    public static CliffResult Sweep(Account account, MarketSnapshot market, RiskProfile profile, MarginMethod method, CliffShock shock, CliffRange range,
        double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(range);
        CheckTolerance(tolerance);
        var moves = range.Moves();
        var evaluator = new CliffEvaluator(account, market, profile, method, shock);
        var points = moves.Select(m => Point(m, evaluator.At(m))).ToImmutableArray();
        var known = points.ToDictionary(p => p.Move, p => p.Headroom);
        return new CliffResult(method, profile.Name, shock.Description, points, Find(evaluator, -1, known, tolerance), Find(evaluator, +1, known, tolerance), tolerance);
    }

    /// <summary>The sweep's points alone, without the liquidation search: the curve a chart or a limit check needs.</summary>
    /// <exception cref="MissingRiskParameterException">The profile does not offer <paramref name="method"/>.</exception>
    /// <exception cref="InvalidMarginInputException">A bad range, or a moved instrument valued from a clearing-house risk array.</exception>
    public static ImmutableArray<CliffPoint> Points(Account account, MarketSnapshot market, RiskProfile profile, MarginMethod method, CliffShock shock,
        CliffRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var moves = range.Moves();
        var evaluator = new CliffEvaluator(account, market, profile, method, shock);
        return [.. moves.Select(m => Point(m, evaluator.At(m)))];
    }

    /// <summary>The liquidation distance alone, down and up.</summary>
    /// <exception cref="MissingRiskParameterException">The profile does not offer <paramref name="method"/>.</exception>
    /// <exception cref="InvalidMarginInputException">A bad tolerance, or a moved instrument valued from a clearing-house risk array.</exception>
    public static (LiquidationPoint? Down, LiquidationPoint? Up) Distance(Account account, MarketSnapshot market, RiskProfile profile, MarginMethod method,
        CliffShock shock, double tolerance = DefaultTolerance)
    {
        CheckTolerance(tolerance);
        var evaluator = new CliffEvaluator(account, market, profile, method, shock);
        var known = new Dictionary<double, double>();
        return (Find(evaluator, -1, known, tolerance), Find(evaluator, +1, known, tolerance));
    }

    private static CliffPoint Point(double move, (MarginReport Report, Headroom Headroom) at) =>
        new(move, at.Report.Equity, at.Report.InitialMargin, at.Report.MaintenanceMargin, at.Report.MarginBalance, at.Report.MarginRatio,
            at.Report.AvailableBalance, at.Headroom.Usd, at.Headroom.Binding);

    /// <summary>
    /// The first move from 0 toward <paramref name="direction"/> whose headroom is at or below 0: moves already
    /// evaluated (the sweep's) are used first, then the scan beyond them, then bisection on the bracket. Bisection
    /// keeps its invariant (headroom above 0 at one end, not at the other), which a headroom that jumps at a bracket
    /// or tier boundary needs: the answer is then the jump itself.
    /// </summary>
    private static LiquidationPoint? Find(CliffEvaluator evaluator, int direction, Dictionary<double, double> known, double tolerance)
    {
        double Headroom(double move)
        {
            if (!known.TryGetValue(move, out var h))
                known[move] = h = evaluator.At(move).Headroom.Usd;
            return h;
        }

        if (Headroom(0) <= 0)
            return Describe(evaluator, 0);
        var outside = 0.0;
        foreach (var move in known.Keys.Where(m => Math.Sign(m) == direction).Select(m => m * direction).Order().ToArray())
        {
            if (Headroom(move * direction) <= 0)
                return Describe(evaluator, Bisect(Headroom, outside * direction, move * direction, tolerance));
            outside = move;
        }

        foreach (var next in Scan(outside, direction))
        {
            if (Headroom(next) <= 0)
                return Describe(evaluator, Bisect(Headroom, outside * direction, next, tolerance));
            outside = next * direction;
        }

        return null;
    }

    /// <summary>Moves beyond <paramref name="from"/> (an absolute move) toward <paramref name="direction"/>, signed.</summary>
    private static IEnumerable<double> Scan(double from, int direction)
    {
        if (direction < 0)
        {
            for (var i = (int)Math.Floor(from / ScanStep + 1e-9) + 1; -i * ScanStep >= ScanFloor - 1e-12; i++)
                yield return -i * ScanStep;
            yield break;
        }

        var move = from;
        for (var i = (int)Math.Floor(from / ScanStep + 1e-9) + 1; i * ScanStep <= 0.5 + 1e-12; i++)
            yield return move = i * ScanStep;
        while (move < ScanCeiling)
            yield return move = Math.Min((1 + move) * 1.1 - 1, ScanCeiling);
    }

    /// <summary>Halves [safe, breached] until it is narrower than <paramref name="tolerance"/>; returns the breached end.</summary>
    private static double Bisect(Func<double, double> headroom, double safe, double breached, double tolerance)
    {
        while (Math.Abs(breached - safe) > tolerance)
        {
            var middle = 0.5 * (safe + breached);
            if (headroom(middle) <= 0)
                breached = middle;
            else
                safe = middle;
        }

        return breached;
    }

    private static LiquidationPoint Describe(CliffEvaluator evaluator, double move)
    {
        var (market, moves) = evaluator.Move(move);
        var (before, beforePortfolio) = evaluator.Detail(0);
        var (after, afterPortfolio) = evaluator.Detail(move);
        var binding = Cliff.Headroom.Of(after).Binding;
        return new LiquidationPoint(move, binding,
            moves.Where(m => m.Value != 0).ToImmutableDictionary(m => m.Key, m => market.GetIndexPrice(m.Key), StringComparer.Ordinal),
            CliffEffects.Between(before, beforePortfolio, after, afterPortfolio, binding));
    }

    private static void CheckTolerance(double tolerance)
    {
        if (!(tolerance >= 1e-12 && tolerance <= 0.01))
            throw new InvalidMarginInputException("cliff.tolerance", $"must be in [1e-12, 0.01] but was {Guard.Show(tolerance)}");
    }
}
