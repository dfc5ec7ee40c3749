using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MarginEngine.Kernels;
using MarginEngine.Pricing;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;

namespace MarginEngine.Compiled;

/// <summary>
/// A risk unit's scenarios compiled into lanes: shocked index, ln(1+move), edge price, and the
/// coefficients that turn an option's scenario value into unit P&amp;L (docs/methodology.md §Portfolio):
/// USD unit <c>A = B = weight</c>; coin unit <c>A = weight / price</c>, <c>B = weight / index</c>
/// (extended: <c>A = B = weight / edge</c>).
/// </summary>
internal sealed class UnitGrid
{
    private readonly (VolState Vol, double Fraction, ScenarioKind Kind)[] _levels;
    private readonly int[] _levelOf;
    private readonly int[]? _spanIndex;
    private readonly double[] _move;
    private readonly double[] _weight;

    public UnitGrid(RiskUnitParameters parameters, double index)
    {
        Parameters = parameters;
        Index = index;
        Scenarios = parameters.Scenarios();
        var n = Scenarios.Length;
        Width = (n + Vector512<double>.Count - 1) / Vector512<double>.Count * Vector512<double>.Count;
        Price = new double[Width];
        LogMove = new double[Width];
        Edge = new double[Width];
        A = new double[Width];
        B = new double[Width];
        var levels = new List<(VolState Vol, double Fraction, ScenarioKind Kind)>();
        _levelOf = new int[Width];
        for (var i = 0; i < n; i++)
        {
            var skew = Scenarios[i].Kind is ScenarioKind.SkewLinear or ScenarioKind.SkewAbsolute;
            var level = (Scenarios[i].Vol, Scenarios[i].Vol == VolState.Same ? 0.0 : Scenarios[i].VolFraction, skew ? Scenarios[i].Kind : ScenarioKind.Standard);
            var at = levels.IndexOf(level);
            if (at < 0)
            {
                at = levels.Count;
                levels.Add(level);
            }

            _levelOf[i] = at;
        }

        _levels = [.. levels];
        _spanIndex = SpanIndex();
        for (var i = n; i < Width; i++)
        {
            Price[i] = index;
            Edge[i] = index;
        }

        PlainCounting = [.. Scenarios.Select(s => s.Kind is ScenarioKind.Standard or ScenarioKind.Extreme)];
        AllPlain = PlainCounting.All(plain => plain);
        _move = new double[Width];
        _weight = new double[Width];
        for (var i = 0; i < n; i++)
            (_move[i], _weight[i]) = (Scenarios[i].PriceMove, Scenarios[i].Weight);
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

    /// <summary>Scenarios of the unit.</summary>
    public int Count => Scenarios.Length;

    /// <summary>
    /// Per scenario, whether its cell counts by the plain rule (a gain at the P&amp;L offset, capped; a loss in full): every
    /// standard and extreme scenario; extended and skew scenarios have their own rules (the engine's <c>RiskUnitEngine.Counted</c>).
    /// </summary>
    public bool[] PlainCounting { get; }

    /// <summary>Whether every scenario counts by the plain rule (<see cref="PlainCounting"/>).</summary>
    public bool AllPlain { get; }

    /// <summary>Distinct vol levels of the scenarios (shock state, fraction, skew kind): an option's σ'√T is computed once per level.</summary>
    public int LevelCount => _levels.Length;

    /// <summary>Whether <paramref name="exposure"/> is repriced by the vector kernel (an option whose forward is not partly fixed).</summary>
    public static bool IsKernelOption(Exposure exposure) => exposure.Kind == ExposureKind.Option && exposure.FixedForward == 0;

    /// <summary>Lanes computed per row: <see cref="Count"/> rounded up to a whole Vector512, so no lane falls to the scalar tail; padding lanes (no move, A = B = 0) hold zeros.</summary>
    public int Width { get; }

    /// <summary>Writes <paramref name="exposure"/>'s unit P&amp;L in every scenario; options through the vector kernel. Allocates nothing.</summary>
    /// <param name="exposure">The holding.</param>
    /// <param name="scratch">A buffer of 2 x <see cref="Width"/> doubles the option kernel may overwrite.</param>
    /// <param name="row">Output, <see cref="Width"/> lanes: one per scenario, then zeros.</param>
    public void FillRow(Exposure exposure, Span<double> scratch, Span<double> row)
    {
        if (exposure.Kind == ExposureKind.RiskArray)
        {
            var map = _spanIndex ?? throw new Errors.InvalidMarginInputException($"riskArrays[{exposure.Id}]",
                "a risk array needs a USD unit with SPAN's 16 scenarios (0, ±1/3, ±2/3, ±3/3 of the range with vol up and down, and two extremes)");
            var losses = exposure.RiskArray!.Losses;
            for (var i = 0; i < map.Length; i++)
                row[i] = -exposure.Quantity * losses[map[i]];
            row[map.Length..Width].Clear();
            return;
        }

        if (IsKernelOption(exposure))
        {
            Span<double> levels = stackalloc double[2 * LevelCount];
            OptionRow(CompileOption(exposure, levels), levels, scratch, row, accumulate: false);
            return;
        }

        var n = Scenarios.Length;
        if (Parameters.Currency == UnitCurrency.Usd && !exposure.CoinSettled && exposure.Kind is ExposureKind.LinearFuture or ExposureKind.Holding)
        {
            // Lane's arithmetic with the leg's Q x size x price hoisted: weight x ((Q size P) x move x USD per settlement unit).
            ScenarioKernels.LinearRow(exposure.Quantity * exposure.Size * exposure.BasePrice, exposure.SettlementToUsd, _move, _weight, row[..Width]);
        }
        else
        {
            for (var i = 0; i < n; i++)
                row[i] = Lane(exposure, i);
        }

        row[n..Width].Clear();
    }

    /// <summary>
    /// The CME risk-array position (0-based) of each scenario: standard cells at k/3 of the range (k = -3..3) with vol
    /// up or down, and the two extreme cells (docs/methodology.md §SPAN risk arrays); null when the unit is not a USD
    /// grid of SPAN's 16 scenarios, which cannot take a risk array.
    /// </summary>
    private int[]? SpanIndex()
    {
        if (Count != MarketData.RiskArray.ScenarioCount || Parameters.Currency != UnitCurrency.Usd)
            return null;
        var map = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var s = Scenarios[i];
            if (s.Kind == ScenarioKind.Extreme)
            {
                map[i] = s.PriceMove > 0 ? 14 : 15;
                continue;
            }

            var thirds = 3 * s.PriceMove / Parameters.PriceRange;
            var k = (int)Math.Round(thirds);
            if (s.Kind != ScenarioKind.Standard || s.Vol == VolState.Same || Math.Abs(thirds - k) > 1e-9 || Math.Abs(k) > 3)
                return null;
            map[i] = (k == 0 ? 0 : k > 0 ? 2 + 4 * (k - 1) : 4 + 4 * (-k - 1)) + (s.Vol == VolState.Up ? 0 : 1);
        }

        return map.Distinct().Count() == Count ? map : null;
    }

    /// <summary>One scenario of a holding's, perpetual's or future's row (closed forms, no repricing).</summary>
    private double Lane(Exposure exposure, int i)
    {
        var s = Scenarios[i];
        var p = Parameters;
        var settlement = exposure.Pnl(s.PriceMove, Index, s.Vol, p.VolShock, s.VolFraction);
        return s.Kind switch
        {
            ScenarioKind.Extended => exposure.ToUsd(settlement, Index, Price[i]) * s.Weight / (p.Currency == UnitCurrency.Usd ? 1 : Edge[i]),
            _ => s.Weight * (p.Currency == UnitCurrency.Usd ? exposure.ToUsd(settlement, Index, Price[i]) : exposure.ToCoin(settlement, Index, Price[i])),
        };
    }

    /// <summary>
    /// An option compiled for this grid: its kernel constants, and in <paramref name="levels"/> its σ'√T per vol level
    /// (first <see cref="LevelCount"/> values) then their inverses. Depends only on the option and the snapshot.
    /// </summary>
    public OptionLanes CompileOption(Exposure e, Span<double> levels)
    {
        var option = e.Option!;
        var shock = Parameters.VolShock;
        var sqrtT = Math.Sqrt(e.Years);
        var scale = shock.TermScale(e.Years * YearFraction.DaysPerYear);
        var count = _levels.Length;
        for (var j = 0; j < count; j++)
        {
            var (vol, fraction, kind) = _levels[j];
            // A shocked or skewed vol may reach 0 (the intrinsic value); 1e-12 of σ√T prices it so without dividing by zero.
            levels[j] = Math.Max(kind == ScenarioKind.Standard
                ? shock.ApplyScaled(e.Volatility, scale, vol, fraction) * sqrtT
                : e.Volatility * Parameters.Skew!.Multiplier(kind, Math.Log(e.StrikeValue / e.Forward), e.Years) * sqrtT, 1e-12);
            if (!double.IsFinite(levels[j]))
                throw new Errors.InvalidMarginInputException($"impliedVolatilities[{e.Id}]",
                    $"gives σ√T = {levels[j]:R} in a scenario: the kernel needs a finite one");
            levels[count + j] = 1 / levels[j];
        }

        var strike = e.EffectiveStrike;
        var sign = option.Right == Instruments.OptionRight.Call ? 1.0 : -1.0;
        if (e.Index == Index)
            return new OptionLanes(e.LogMoneyness, strike, sign, KernelScale(e), e.KernelValue);
        var logMoneyness = Math.Log(Index / strike);
        var same = e.Volatility * sqrtT;
        return new OptionLanes(logMoneyness, strike, sign, KernelScale(e), OptionKernel.Value(logMoneyness, 0, Index, strike, same, 1 / same, sign));
    }

    /// <summary>The kernel's scale of an option leg: (F/S) x discount x quantity x size x USD per settlement unit (1 for coin-settled).</summary>
    public static double KernelScale(Exposure e) => e.ValueScale * e.Quantity * e.Size * (e.CoinSettled ? 1 : e.SettlementToUsd);

    /// <summary>
    /// Writes (or, with <paramref name="accumulate"/>, adds into <paramref name="output"/>) a compiled option's unit P&amp;L in
    /// every scenario; <paramref name="scratch"/> holds 2 x <see cref="Width"/> doubles the lanes' σ'√T are spread into.
    /// </summary>
    public void OptionRow(in OptionLanes option, ReadOnlySpan<double> levels, Span<double> scratch, Span<double> output, bool accumulate)
    {
        var stdDev = scratch[..Width];
        var inverse = scratch.Slice(Width, Width);
        var count = _levels.Length;
        ref var level = ref MemoryMarshal.GetArrayDataReference(_levelOf);
        ref var sd = ref MemoryMarshal.GetReference(stdDev);
        ref var inv = ref MemoryMarshal.GetReference(inverse);
        ref var byLevel = ref MemoryMarshal.GetReference(levels);
        for (var i = 0; i < Width; i++)
        {
            var l = Unsafe.Add(ref level, i);
            Unsafe.Add(ref sd, i) = Unsafe.Add(ref byLevel, l);
            Unsafe.Add(ref inv, i) = Unsafe.Add(ref byLevel, count + l);
        }

        var unit = new UnitLanes(LogMove, Price, A, B);
        if (accumulate)
            OptionKernel.Accumulate(option, unit, stdDev, inverse, output[..Width]);
        else
            OptionKernel.Row(option, unit, stdDev, inverse, output[..Width]);
    }
}
