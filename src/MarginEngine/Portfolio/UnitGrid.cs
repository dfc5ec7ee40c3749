using System.Collections.Immutable;
using MarginEngine.Kernels;
using MarginEngine.Pricing;
using MarginEngine.Scenarios;

namespace MarginEngine.Portfolio;

/// <summary>
/// A risk unit's scenarios compiled into lanes: shocked index, ln(1+move), edge price, and the
/// coefficients that turn an option's scenario value into unit P&amp;L (docs/methodology.md §Portfolio):
/// USD unit <c>A = B = weight</c>; coin unit <c>A = weight / price</c>, <c>B = weight / index</c>
/// (extended: <c>A = B = weight / edge</c>).
/// </summary>
internal sealed class UnitGrid
{
    private readonly (VolState Vol, double Fraction)[] _levels;
    private readonly int[] _levelOf;

    public UnitGrid(RiskUnitParameters parameters, double index)
    {
        Parameters = parameters;
        Index = index;
        Scenarios = parameters.Scenarios();
        var n = Scenarios.Length;
        Price = new double[n];
        LogMove = new double[n];
        Edge = new double[n];
        A = new double[n];
        B = new double[n];
        var levels = new List<(VolState Vol, double Fraction)>();
        _levelOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            var level = (Scenarios[i].Vol, Scenarios[i].Vol == VolState.Same ? 0.0 : Scenarios[i].VolFraction);
            var at = levels.IndexOf(level);
            if (at < 0)
            {
                at = levels.Count;
                levels.Add(level);
            }

            _levelOf[i] = at;
        }

        _levels = [.. levels];
        for (var i = 0; i < n; i++)
        {
            var s = Scenarios[i];
            Price[i] = index * (1 + s.PriceMove);
            LogMove[i] = Math.Log(1 + s.PriceMove);
            Edge[i] = index * (1 + Math.Sign(s.PriceMove) * parameters.PriceRange);
            var usd = parameters.Currency == UnitCurrency.Usd;
            (A[i], B[i]) = s.Kind == ScenarioKind.Extended
                ? (usd ? (s.Weight, s.Weight) : (s.Weight / Edge[i], s.Weight / Edge[i]))
                : (usd ? (s.Weight, s.Weight) : (s.Weight / Price[i], s.Weight / index));
        }
    }

    public RiskUnitParameters Parameters { get; }

    public double Index { get; }

    public ImmutableArray<Scenario> Scenarios { get; }

    public double[] Price { get; }

    public double[] LogMove { get; }

    public double[] Edge { get; }

    public double[] A { get; }

    public double[] B { get; }

    public int Count => Scenarios.Length;

    /// <summary>Writes <paramref name="exposure"/>'s unit P&amp;L in every scenario; options through the vector kernel. Allocates nothing.</summary>
    /// <param name="exposure">The holding.</param>
    /// <param name="scratch">A buffer of 2 x <see cref="Count"/> doubles the option kernel may overwrite.</param>
    /// <param name="row">Output, one value per scenario.</param>
    public void FillRow(Exposure exposure, Span<double> scratch, Span<double> row)
    {
        var n = Scenarios.Length;
        if (exposure.Kind == ExposureKind.Option)
        {
            var stdDev = scratch[..n];
            var inverse = scratch.Slice(n, n);
            var lanes = OptionLanes(exposure, stdDev, inverse);
            OptionKernel.Row(lanes, new UnitLanes(LogMove, Price, A, B), stdDev, inverse, row[..n]);
            return;
        }

        for (var i = 0; i < n; i++)
            row[i] = Lane(exposure, i);
    }

    /// <summary>One scenario of <paramref name="exposure"/>'s row, equal to <see cref="FillRow"/>'s value bit for bit.</summary>
    public double Lane(Exposure exposure, int i)
    {
        var s = Scenarios[i];
        if (exposure.Kind == ExposureKind.Option)
        {
            Span<double> levels = stackalloc double[2 * _levels.Length];
            var lanes = OptionLanes(exposure, default, levels);
            var level = _levelOf[i];
            return OptionKernel.Lane(lanes, LogMove[i], Price[i], A[i], B[i], levels[_levels.Length + level], levels[level]);
        }

        var p = Parameters;
        var settlement = exposure.Pnl(s.PriceMove, Index, s.Vol, p.VolShock, s.VolFraction);
        return s.Kind switch
        {
            ScenarioKind.Extended => exposure.ToUsd(settlement, Index, Price[i]) * s.Weight / (p.Currency == UnitCurrency.Usd ? 1 : Edge[i]),
            _ => s.Weight * (p.Currency == UnitCurrency.Usd ? exposure.ToUsd(settlement, Index, Price[i]) : exposure.ToCoin(settlement, Index, Price[i])),
        };
    }

    /// <summary>
    /// The option's kernel constants, and its σ'√T and inverse per lane (<paramref name="stdDev"/>,
    /// <paramref name="inverse"/> of one value per scenario), or, when <paramref name="stdDev"/> is empty,
    /// per vol level in <paramref name="inverse"/> (inverses first, then σ'√T).
    /// </summary>
    private OptionLanes OptionLanes(Exposure e, Span<double> stdDev, Span<double> inverse)
    {
        var option = e.Option!;
        var shock = Parameters.VolShock;
        var sqrtT = Math.Sqrt(e.Years);
        var scale = shock.TermScale(e.Years * YearFraction.DaysPerYear);
        Span<double> levels = stackalloc double[_levels.Length];
        Span<double> inverses = stackalloc double[_levels.Length];
        for (var j = 0; j < _levels.Length; j++)
        {
            levels[j] = shock.ApplyScaled(e.Volatility, scale, _levels[j].Vol, _levels[j].Fraction) * sqrtT;
            inverses[j] = 1 / levels[j];
        }

        if (stdDev.IsEmpty)
        {
            inverses.CopyTo(inverse);
            levels.CopyTo(inverse[_levels.Length..]);
        }
        else
        {
            for (var i = 0; i < Scenarios.Length; i++)
            {
                stdDev[i] = levels[_levelOf[i]];
                inverse[i] = inverses[_levelOf[i]];
            }
        }

        var strike = (double)option.Strike;
        var logMoneyness = Math.Log(Index / strike);
        var sign = option.Right == Instruments.OptionRight.Call ? 1.0 : -1.0;
        var same = e.Volatility * sqrtT;
        return new OptionLanes(logMoneyness, strike, sign, e.Quantity * e.Size * (e.CoinSettled ? 1 : e.SettlementToUsd),
            OptionKernel.Value(logMoneyness, 0, Index, strike, same, 1 / same, sign));
    }
}
