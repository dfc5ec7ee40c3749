using MarginEngine.Errors;
using MarginEngine.Profiles;

namespace MarginEngine.Portfolio;

/// <summary>Combines the risk units' margins across units per the profile's aggregation (docs/methodology.md §Aggregation).</summary>
internal static class CrossUnitAggregator
{
    /// <summary>Σ unit risk-matrix margins in USD and the offset taken off it by the aggregation (docs/methodology.md §Aggregation).</summary>
    internal static (double Total, double Offset) Aggregate(CrossUnitAggregation aggregation, ReadOnlySpan<UnitFigures> units)
    {
        var total = 0.0;
        foreach (var u in units)
            total += u.RiskMatrixUsd;
        switch (aggregation)
        {
            case CrossUnitAggregation.PairCredit credit:
                var offset = 0.0;
                var credited = 0UL;
                foreach (var pair in credit.Pairs)
                {
                    var a = IndexOf(units, pair.First);
                    var b = IndexOf(units, pair.Second);
                    if (a < 0 || b < 0 || (credited & ((1UL << a) | (1UL << b))) != 0 || Math.Sign(units[a].NetDelta) * Math.Sign(units[b].NetDelta) >= 0)
                        continue;
                    offset += pair.Rate * Math.Min(units[a].WorstLossUsd, units[b].WorstLossUsd);
                    credited |= (1UL << a) | (1UL << b);
                }

                return (total, offset);
            case CrossUnitAggregation.SpreadCredits spreads:
                return (total, SpreadCredit(spreads, units));
            case CrossUnitAggregation.ScanningSpreads scanning:
                return (total, ScanningCredit(scanning, units));
            case CrossUnitAggregation.Correlation correlation:
                var quadratic = 0.0;
                var sum = 0.0;
                for (var i = 0; i < units.Length; i++)
                {
                    var row = Row(correlation, units[i].Underlying);
                    sum += units[i].WorstLossUsd;
                    for (var j = 0; j < units.Length; j++)
                    {
                        quadratic += units[i].WorstLossUsd * units[i].Direction * correlation.Matrix[row][Row(correlation, units[j].Underlying)]
                            * units[j].Direction * units[j].WorstLossUsd;
                    }
                }

                return (total, sum - Math.Sqrt(Math.Max(quadratic, 0)));
            default:
                return (total, 0);
        }
    }

    /// <summary>
    /// SPAN inter-commodity spreads in priority order: n = min over legs of remaining delta / delta per spread (all legs
    /// oriented alike); each leg credited rate x n x |delta per spread| x worst loss / |net delta|; deltas consumed.
    /// </summary>
    private static double SpreadCredit(CrossUnitAggregation.SpreadCredits spreads, ReadOnlySpan<UnitFigures> units)
    {
        Span<double> remaining = units.Length <= 64 ? stackalloc double[units.Length] : new double[units.Length];
        for (var i = 0; i < units.Length; i++)
            remaining[i] = units[i].NetDelta;
        var credit = 0.0;
        foreach (var spread in spreads.Spreads)
        {
            var count = double.PositiveInfinity;
            var orientation = 0;
            foreach (var leg in spread.Legs)
            {
                var at = IndexOf(units, leg.Underlying);
                var ratio = at < 0 ? 0 : remaining[at] / leg.DeltaPerSpread;
                var sign = Math.Sign(ratio);
                if (sign == 0 || (orientation != 0 && sign != orientation))
                {
                    count = 0;
                    break;
                }

                orientation = sign;
                count = Math.Min(count, Math.Abs(ratio));
            }

            if (!(count > 0) || double.IsInfinity(count))
                continue;
            foreach (var leg in spread.Legs)
            {
                var at = IndexOf(units, leg.Underlying);
                var used = count * Math.Abs(leg.DeltaPerSpread);
                credit += spread.CreditRate * used * units[at].WorstLossUsd / Math.Abs(units[at].NetDelta);
                remaining[at] -= Math.Sign(remaining[at]) * used;
            }
        }

        return credit;
    }

    /// <summary>
    /// SPAN scanning-based spreads: per pair, the worst cell of (loser's loss - rate x gainer's gain), or both losses,
    /// on the units' cells before the gain offset, replaces the sum of the two worst losses; the credit is the difference.
    /// </summary>
    private static double ScanningCredit(CrossUnitAggregation.ScanningSpreads scanning, ReadOnlySpan<UnitFigures> units)
    {
        var credit = 0.0;
        var paired = 0UL;
        foreach (var pair in scanning.Pairs)
        {
            var a = IndexOf(units, pair.First);
            var b = IndexOf(units, pair.Second);
            if (a < 0 || b < 0 || (paired & ((1UL << a) | (1UL << b))) != 0)
                continue;
            var (x, y) = (units[a].CellsUsd!, units[b].CellsUsd!);
            if (x.Length != y.Length)
                throw new InvalidMarginInputException("aggregation.pairs",
                    $"a scanning spread between {pair.First} and {pair.Second} needs the same scenarios in both units ({x.Length} and {y.Length})");
            var requirement = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var loss = x[i] < 0 && y[i] < 0 ? -(x[i] + y[i])
                    : x[i] < 0 ? -x[i] - pair.Rate * y[i]
                    : y[i] < 0 ? -y[i] - pair.Rate * x[i]
                    : 0;
                requirement = Math.Max(requirement, loss);
            }

            credit += units[a].WorstLossUsd + units[b].WorstLossUsd - requirement;
            paired |= (1UL << a) | (1UL << b);
        }

        return credit;
    }

    internal static string Label(CrossUnitAggregation aggregation) => aggregation switch
    {
        CrossUnitAggregation.PairCredit => "pair credit",
        CrossUnitAggregation.SpreadCredits => "inter-commodity spreads",
        CrossUnitAggregation.ScanningSpreads => "scanning-based spreads",
        CrossUnitAggregation.Correlation => "correlation",
        _ => "none",
    };

    private static int IndexOf(ReadOnlySpan<UnitFigures> units, string underlying)
    {
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i].Underlying == underlying)
                return i < 64 ? i : throw new InvalidMarginInputException("aggregation.pairs", "pair credit supports at most 64 risk units");
        }

        return -1;
    }

    private static int Row(CrossUnitAggregation.Correlation correlation, string underlying) =>
        correlation.Underlyings.IndexOf(underlying) is var i and >= 0 ? i : throw new MissingRiskParameterException("correlation", "correlation row", underlying);
}
