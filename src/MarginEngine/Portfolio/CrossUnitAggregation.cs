using System.Collections.Immutable;
using MarginEngine.Errors;

namespace MarginEngine.Portfolio;

/// <summary>
/// How risk units offset each other (docs/methodology.md §Aggregation). Closed set:
/// <see cref="NoOffset"/> (OKX, Bybit, Deribit), <see cref="PairCredit"/> (SPAN inter-commodity
/// credit), <see cref="Correlation"/> (sqrt(L' C L) on the units' worst losses).
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
