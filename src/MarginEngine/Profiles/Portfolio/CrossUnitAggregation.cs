using System.Collections.Immutable;
using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>
/// How risk units offset each other (docs/methodology.md §Aggregation). Closed set:
/// <see cref="NoOffset"/> (OKX, Bybit, Deribit), <see cref="PairCredit"/> (a simple pair credit),
/// <see cref="SpreadCredits"/> (SPAN inter-commodity spreads: ratios, priority, a credit on each leg),
/// <see cref="ScanningSpreads"/> (SPAN scanning-based spreads), <see cref="Correlation"/> (sqrt(L' C L)
/// on the units' worst losses).
/// </summary>
public abstract record CrossUnitAggregation
{
    private protected CrossUnitAggregation()
    {
    }

    /// <summary>No offset: unit margins add up.</summary>
    public sealed record NoOffset : CrossUnitAggregation;

    /// <summary>
    /// SPAN-style credit: for each listed pair whose net deltas offset (opposite signs), the credit
    /// rate times the smaller of the two worst losses is taken off; each unit's loss is credited once.
    /// </summary>
    public sealed record PairCredit(ImmutableArray<UnitPairCredit> Pairs) : CrossUnitAggregation;

    /// <summary>
    /// SPAN inter-commodity spreads, in priority order (the list's order): each forms as many spreads as
    /// the units' remaining net deltas allow at its leg ratios, and credits each leg
    /// <c>rate x deltas in the spread x (the leg's worst loss / |its net delta|)</c>; deltas used by a
    /// spread are not available to later ones.
    /// </summary>
    public sealed record SpreadCredits(ImmutableArray<InterCommoditySpread> Spreads) : CrossUnitAggregation;

    /// <summary>
    /// SPAN scanning-based spreads: for each pair, scenario by scenario, the losing unit's loss less the
    /// credit rate times the gaining unit's gain (both losses when both lose), on the units' cells before
    /// the gain offset (a gaining leg counts in full, times the rate); the pair's requirement is
    /// the worst such cell instead of the sum of the two worst losses. The units need the same scenarios.
    /// Each unit takes part in one pair at most (the first listed).
    /// </summary>
    public sealed record ScanningSpreads(ImmutableArray<UnitPairCredit> Pairs) : CrossUnitAggregation;

    /// <summary>
    /// Worst losses aggregate as sqrt(L' C L), C the correlation of the listed underlyings' returns,
    /// each loss oriented by its worst scenario's direction (a unit losing on a fall and one losing on
    /// a rise offset when their prices move together); add-ons still add up.
    /// </summary>
    public sealed record Correlation : CrossUnitAggregation
    {
        /// <summary>Creates a correlation aggregation, checking a symmetric matrix with unit diagonal and entries in [-1, 1].</summary>
        /// <exception cref="InvalidMarginInputException">Wrong shape or values.</exception>
        public Correlation(ImmutableArray<string> underlyings, ImmutableArray<ImmutableArray<double>> matrix)
        {
            if (matrix.Length != underlyings.Length || matrix.Any(row => row.Length != underlyings.Length))
                throw new InvalidMarginInputException("aggregation.matrix", $"must be {underlyings.Length} x {underlyings.Length}");
            for (var i = 0; i < matrix.Length; i++)
            {
                for (var j = 0; j < matrix.Length; j++)
                {
                    var c = matrix[i][j];
                    if (!(c >= -1 && c <= 1) || (i == j && c != 1) || c != matrix[j][i])
                        throw new InvalidMarginInputException($"aggregation.matrix[{i}][{j}]", "must be symmetric, in [-1, 1], with 1 on the diagonal");
                }
            }

            Underlyings = underlyings;
            Matrix = matrix;
        }

        /// <summary>Underlying asset ids, in matrix order.</summary>
        public ImmutableArray<string> Underlyings { get; }

        /// <summary>Correlations.</summary>
        public ImmutableArray<ImmutableArray<double>> Matrix { get; }
    }
}

/// <summary>A credit rate between two underlyings' risk units.</summary>
public sealed record UnitPairCredit(string First, string Second, double Rate);

/// <summary>One SPAN inter-commodity spread: its credit rate and legs.</summary>
/// <param name="CreditRate">Share of each leg's charge in the spread that is credited (e.g. 0.55).</param>
/// <param name="Legs">The legs with their signed deltas per spread, e.g. BTC +1 and ETH -30: long 1 BTC against short 30 ETH (or the mirror).</param>
public sealed record InterCommoditySpread(double CreditRate, ImmutableArray<SpreadLeg> Legs);

/// <summary>A leg of an inter-commodity spread.</summary>
/// <param name="Underlying">The unit's underlying.</param>
/// <param name="DeltaPerSpread">Signed net delta (coins) one spread takes from the unit; the signs say which sides offset.</param>
public sealed record SpreadLeg(string Underlying, double DeltaPerSpread);
