using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MarginEngine.Kernels;

/// <summary>
/// Reprices one option in every scenario of a risk unit and writes its row of unit P&amp;L:
/// <c>v[s] = sign (F[s] N(sign d1) - K N(sign d2))</c>, <c>d1 = (ln(S/K) + ln(1+m[s])) x (1/sd[s]) + sd[s]/2</c>,
/// <c>d2 = d1 - sd[s]</c> (Black-76, undiscounted), then <c>row[s] = scale (A[s] v[s] - B[s] v0)</c>.
/// What does not change across scenarios is hoisted by the caller: ln(S/K), ln(1+m), σ'√T and its inverse per lane.
/// Vectorised across scenarios (512 or 256 bits, chosen at run time) with a scalar twin that every
/// lane equals bit for bit. The vector loop runs only the common path (every |d| of the block below 7.07: one exp,
/// Hart's rationals, one division); a block with a lane past it (deep in or out of the money) is done after the loop on
/// the full path (the continued fraction, the 37 cut-off), so the loop carries no rarely taken code.
/// </summary>
internal static class OptionKernel
{
    /// <summary>Black-76 value of one lane; <paramref name="sign"/> +1 call, -1 put.</summary>
    /// <remarks>e^(-d2²/2) is e^(-d1²/2) x F/K, so one exponential serves both CDFs (its own when d1 is past the 37 cut-off).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(double logMoneyness, double logMove, double forward, double strike, double stdDev, double inverseStdDev, double sign) =>
        ValueAndCdf(logMoneyness, logMove, forward, strike, stdDev, inverseStdDev, sign).Value;

    /// <summary><see cref="Value"/> and the N(sign x d1) it used (a call's delta per unit of forward; a put's is minus it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Cdf) ValueAndCdf(double logMoneyness, double logMove, double forward, double strike, double stdDev, double inverseStdDev, double sign)
    {
        var d1 = (logMoneyness + logMove) * inverseStdDev + 0.5 * stdDev;
        var x1 = sign * d1;
        var x2 = sign * (d1 - stdDev);
        var a1 = Math.Min(Math.Abs(x1), 37.0);
        var a2 = Math.Min(Math.Abs(x2), 37.0);
        var e1 = FastMath.Exp(a1 * a1 * -0.5);
        var e2 = a1 >= 37.0 ? FastMath.Exp(a2 * a2 * -0.5) : e1 * (forward * (1.0 / strike));
        var (n1, n2) = FastMath.NormalCdfPair(x1, a1, e1, x2, a2, e2);
        return (sign * (forward * n1 - strike * n2), n1);
    }

    /// <summary>Fills <paramref name="row"/> with the best vector width the machine has.</summary>
    public static void Row(in OptionLanes option, in UnitLanes unit, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev, Span<double> row) =>
        Run(option, unit, stdDev, inverseStdDev, row, accumulate: false);

    /// <summary>
    /// Adds the option's row to <paramref name="cells"/> (<c>cells[s] += row[s]</c>) without writing the row: bitwise what
    /// <see cref="Row"/> then <see cref="ScenarioKernels.Accumulate"/> give, with one pass over the lanes.
    /// </summary>
    public static void Accumulate(in OptionLanes option, in UnitLanes unit, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev, Span<double> cells) =>
        Run(option, unit, stdDev, inverseStdDev, cells, accumulate: true);

    /// <summary>The plain-loop reference, every lane.</summary>
    public static void RowScalar(in OptionLanes option, in UnitLanes unit, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev, Span<double> row) =>
        RowScalar(option, unit, stdDev, inverseStdDev, row, 0, CheckLengths(unit, stdDev, inverseStdDev, row), accumulate: false);

    private static void Run(in OptionLanes option, in UnitLanes unit, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev, Span<double> output, bool accumulate)
    {
        var n = CheckLengths(unit, stdDev, inverseStdDev, output);
        var done = 0;
        if (Vector512.IsHardwareAccelerated)
            done = Row512(option, unit, stdDev, inverseStdDev, output, n, accumulate);
        else if (Vector256.IsHardwareAccelerated)
            done = Row256(option, unit, stdDev, inverseStdDev, output, n, accumulate);
        RowScalar(option, unit, stdDev, inverseStdDev, output, done, n, accumulate);
    }

    /// <summary>One lane of the scalar twin.</summary>
    private static double Lane(in OptionLanes o, double logMove, double price, double a, double b, double stdDev, double inverseStdDev)
    {
        var value = Value(o.LogMoneyness, logMove, price, o.Strike, stdDev, inverseStdDev, o.Sign);
        return o.Scale * (a * value - b * o.BaseValue);
    }

    /// <summary>Vector512 lanes only (the scalar twin finishes the tail); exposed for the bitwise tests.</summary>
    internal static int Row512(in OptionLanes o, in UnitLanes u, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev, Span<double> row, int n, bool accumulate = false)
    {
        ref var inverseSd = ref MemoryMarshal.GetReference(inverseStdDev);
        ref var logMove = ref MemoryMarshal.GetReference(u.LogMove);
        ref var price = ref MemoryMarshal.GetReference(u.Price);
        ref var a = ref MemoryMarshal.GetReference(u.A);
        ref var b = ref MemoryMarshal.GetReference(u.B);
        ref var sd = ref MemoryMarshal.GetReference(stdDev);
        ref var output = ref MemoryMarshal.GetReference(row);
        var lnm = Vector512.Create(o.LogMoneyness);
        var strike = Vector512.Create(o.Strike);
        var sign = Vector512.Create(o.Sign);
        var scale = Vector512.Create(o.Scale);
        var baseValue = Vector512.Create(o.BaseValue);
        var half = Vector512.Create(0.5);
        var limit = Vector512.Create(FastMath.RationalLimit);
        var inverseStrike = Vector512.Create(1.0 / o.Strike);
        Span<int> rare = stackalloc int[n / Vector512<double>.Count + 1];
        var rareCount = 0;
        var i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            var s = Vector512.LoadUnsafe(ref sd, (nuint)i);
            var d1 = (lnm + Vector512.LoadUnsafe(ref logMove, (nuint)i)) * Vector512.LoadUnsafe(ref inverseSd, (nuint)i) + half * s;
            var x1 = sign * d1;
            var x2 = sign * (d1 - s);
            var a1 = Vector512.Abs(x1);
            var a2 = Vector512.Abs(x2);
            if (!Vector512.LessThanAll(Vector512.MaxNative(a1, a2), limit))
            {
                // A lane past the rational's range (or NaN): the whole block goes to the scalar twin below.
                rare[rareCount++] = i;
                continue;
            }

            var forward = Vector512.LoadUnsafe(ref price, (nuint)i);
            var e1 = FastMath.Exp(a1 * a1 * -0.5);
            var e2 = e1 * (forward * inverseStrike);
            var (n1, n2) = FastMath.NormalCdfPairCentral(x1, a1, e1, x2, a2, e2);
            var value = sign * (forward * n1 - strike * n2);
            var cell = scale * (Vector512.LoadUnsafe(ref a, (nuint)i) * value - Vector512.LoadUnsafe(ref b, (nuint)i) * baseValue);
            if (accumulate)
                cell = Vector512.LoadUnsafe(ref output, (nuint)i) + cell;
            cell.StoreUnsafe(ref output, (nuint)i);
        }

        var cutOff = Vector512.Create(37.0);
        foreach (var j in rare[..rareCount])
        {
            // The full path: |d| clamped at 37, d2's own exponential past it, the continued fraction past 7.07.
            var s = Vector512.LoadUnsafe(ref sd, (nuint)j);
            var d1 = (lnm + Vector512.LoadUnsafe(ref logMove, (nuint)j)) * Vector512.LoadUnsafe(ref inverseSd, (nuint)j) + half * s;
            var forward = Vector512.LoadUnsafe(ref price, (nuint)j);
            var x1 = sign * d1;
            var x2 = sign * (d1 - s);
            var a1 = Vector512.Min(Vector512.Abs(x1), cutOff);
            var a2 = Vector512.Min(Vector512.Abs(x2), cutOff);
            var e1 = FastMath.Exp(a1 * a1 * -0.5);
            var e2 = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(a1, cutOff), FastMath.Exp(a2 * a2 * -0.5), e1 * (forward * inverseStrike));
            var (n1, n2) = FastMath.NormalCdfPair(x1, a1, e1, x2, a2, e2);
            var value = sign * (forward * n1 - strike * n2);
            var cell = scale * (Vector512.LoadUnsafe(ref a, (nuint)j) * value - Vector512.LoadUnsafe(ref b, (nuint)j) * baseValue);
            if (accumulate)
                cell = Vector512.LoadUnsafe(ref output, (nuint)j) + cell;
            cell.StoreUnsafe(ref output, (nuint)j);
        }

        return i;
    }

    /// <summary>Vector256 lanes only (the scalar twin finishes the tail); exposed for the bitwise tests.</summary>
    internal static int Row256(in OptionLanes o, in UnitLanes u, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev, Span<double> row, int n, bool accumulate = false)
    {
        ref var inverseSd = ref MemoryMarshal.GetReference(inverseStdDev);
        ref var logMove = ref MemoryMarshal.GetReference(u.LogMove);
        ref var price = ref MemoryMarshal.GetReference(u.Price);
        ref var a = ref MemoryMarshal.GetReference(u.A);
        ref var b = ref MemoryMarshal.GetReference(u.B);
        ref var sd = ref MemoryMarshal.GetReference(stdDev);
        ref var output = ref MemoryMarshal.GetReference(row);
        var lnm = Vector256.Create(o.LogMoneyness);
        var strike = Vector256.Create(o.Strike);
        var sign = Vector256.Create(o.Sign);
        var scale = Vector256.Create(o.Scale);
        var baseValue = Vector256.Create(o.BaseValue);
        var half = Vector256.Create(0.5);
        var limit = Vector256.Create(FastMath.RationalLimit);
        var inverseStrike = Vector256.Create(1.0 / o.Strike);
        Span<int> rare = stackalloc int[n / Vector256<double>.Count + 1];
        var rareCount = 0;
        var i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var s = Vector256.LoadUnsafe(ref sd, (nuint)i);
            var d1 = (lnm + Vector256.LoadUnsafe(ref logMove, (nuint)i)) * Vector256.LoadUnsafe(ref inverseSd, (nuint)i) + half * s;
            var x1 = sign * d1;
            var x2 = sign * (d1 - s);
            var a1 = Vector256.Abs(x1);
            var a2 = Vector256.Abs(x2);
            if (!Vector256.LessThanAll(Vector256.MaxNative(a1, a2), limit))
            {
                // A lane past the rational's range (or NaN): the whole block goes to the scalar twin below.
                rare[rareCount++] = i;
                continue;
            }

            var forward = Vector256.LoadUnsafe(ref price, (nuint)i);
            var e1 = FastMath.Exp(a1 * a1 * -0.5);
            var e2 = e1 * (forward * inverseStrike);
            var (n1, n2) = FastMath.NormalCdfPairCentral(x1, a1, e1, x2, a2, e2);
            var value = sign * (forward * n1 - strike * n2);
            var cell = scale * (Vector256.LoadUnsafe(ref a, (nuint)i) * value - Vector256.LoadUnsafe(ref b, (nuint)i) * baseValue);
            if (accumulate)
                cell = Vector256.LoadUnsafe(ref output, (nuint)i) + cell;
            cell.StoreUnsafe(ref output, (nuint)i);
        }

        var cutOff = Vector256.Create(37.0);
        foreach (var j in rare[..rareCount])
        {
            // The full path: |d| clamped at 37, d2's own exponential past it, the continued fraction past 7.07.
            var s = Vector256.LoadUnsafe(ref sd, (nuint)j);
            var d1 = (lnm + Vector256.LoadUnsafe(ref logMove, (nuint)j)) * Vector256.LoadUnsafe(ref inverseSd, (nuint)j) + half * s;
            var forward = Vector256.LoadUnsafe(ref price, (nuint)j);
            var x1 = sign * d1;
            var x2 = sign * (d1 - s);
            var a1 = Vector256.Min(Vector256.Abs(x1), cutOff);
            var a2 = Vector256.Min(Vector256.Abs(x2), cutOff);
            var e1 = FastMath.Exp(a1 * a1 * -0.5);
            var e2 = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a1, cutOff), FastMath.Exp(a2 * a2 * -0.5), e1 * (forward * inverseStrike));
            var (n1, n2) = FastMath.NormalCdfPair(x1, a1, e1, x2, a2, e2);
            var value = sign * (forward * n1 - strike * n2);
            var cell = scale * (Vector256.LoadUnsafe(ref a, (nuint)j) * value - Vector256.LoadUnsafe(ref b, (nuint)j) * baseValue);
            if (accumulate)
                cell = Vector256.LoadUnsafe(ref output, (nuint)j) + cell;
            cell.StoreUnsafe(ref output, (nuint)j);
        }

        return i;
    }

    private static void RowScalar(in OptionLanes o, in UnitLanes u, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev, Span<double> row, int from, int n,
        bool accumulate)
    {
        for (var i = from; i < n; i++)
        {
            var cell = Lane(o, u.LogMove[i], u.Price[i], u.A[i], u.B[i], stdDev[i], inverseStdDev[i]);
            row[i] = accumulate ? row[i] + cell : cell;
        }
    }

    private static int CheckLengths(in UnitLanes unit, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev, Span<double> row)
    {
        var n = unit.LogMove.Length;
        if (unit.Price.Length != n || unit.A.Length != n || unit.B.Length != n || stdDev.Length != n || inverseStdDev.Length != n || row.Length != n)
            throw new ArgumentException("every lane span must have one value per scenario");
        return n;
    }
}

/// <summary>Per-option constants of <see cref="OptionKernel"/>.</summary>
/// <param name="LogMoneyness">ln(index / strike).</param>
/// <param name="Strike">Strike.</param>
/// <param name="Sign">+1 call, -1 put.</param>
/// <param name="Scale">quantity x size x USD per settlement unit (1 for coin-settled).</param>
/// <param name="BaseValue">Value at the snapshot: <see cref="OptionKernel.Value"/> with no move and the unshocked vol.</param>
internal readonly record struct OptionLanes(double LogMoneyness, double Strike, double Sign, double Scale, double BaseValue);

/// <summary>Per-unit lanes of <see cref="OptionKernel"/>: ln(1+m), shocked index, and the unit-currency coefficients A, B.</summary>
internal readonly ref struct UnitLanes(ReadOnlySpan<double> logMove, ReadOnlySpan<double> price, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
{
    public ReadOnlySpan<double> LogMove { get; } = logMove;

    public ReadOnlySpan<double> Price { get; } = price;

    public ReadOnlySpan<double> A { get; } = a;

    public ReadOnlySpan<double> B { get; } = b;
}
