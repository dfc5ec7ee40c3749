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

    /// <summary>Writes <paramref name="exposure"/>'s unit P&amp;L in every scenario; options through the vector kernel.</summary>
    /// <param name="exposure">The holding.</param>
    /// <param name="stdDevScratch">A buffer of <see cref="Count"/> doubles the option kernel may overwrite.</param>
    /// <param name="row">Output, one value per scenario.</param>
    public void FillRow(Exposure exposure, Span<double> stdDevScratch, Span<double> row)
    {
        if (exposure.Kind == ExposureKind.Option)
        {
            FillOption(exposure, stdDevScratch, row);
            return;
        }

        var p = Parameters;
        for (var i = 0; i < Scenarios.Length; i++)
        {
            var s = Scenarios[i];
            var settlement = exposure.Pnl(s.PriceMove, Index, s.Vol, p.VolShock);
            row[i] = s.Kind switch
            {
                ScenarioKind.Extended => exposure.ToUsd(settlement, Index, Price[i]) * s.Weight / (p.Currency == UnitCurrency.Usd ? 1 : Edge[i]),
                _ => s.Weight * (p.Currency == UnitCurrency.Usd ? exposure.ToUsd(settlement, Index, Price[i]) : exposure.ToCoin(settlement, Index, Price[i])),
            };
        }
    }

    private void FillOption(Exposure e, Span<double> stdDev, Span<double> row)
    {
        var option = e.Option!;
        var shock = Parameters.VolShock;
        var days = e.Years * YearFraction.DaysPerYear;
        var sqrtT = Math.Sqrt(e.Years);
        var same = shock.Apply(e.Volatility, days, VolState.Same) * sqrtT;
        Span<double> levels = stackalloc double[_levels.Length];
        for (var j = 0; j < _levels.Length; j++)
            levels[j] = shock.Apply(e.Volatility, days, _levels[j].Vol, _levels[j].Fraction) * sqrtT;
        for (var i = 0; i < Scenarios.Length; i++)
            stdDev[i] = levels[_levelOf[i]];

        var strike = (double)option.Strike;
        var logMoneyness = Math.Log(Index / strike);
        var sign = option.Right == Instruments.OptionRight.Call ? 1.0 : -1.0;
        var lanes = new OptionLanes(logMoneyness, strike, sign, e.Quantity * e.Size * (e.CoinSettled ? 1 : e.SettlementToUsd),
            OptionKernel.Value(logMoneyness, 0, Index, strike, same, sign));
        OptionKernel.Row(lanes, new UnitLanes(LogMove, Price, A, B), stdDev[..Scenarios.Length], row[..Scenarios.Length]);
    }
}
