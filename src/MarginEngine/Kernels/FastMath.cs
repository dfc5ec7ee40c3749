using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MarginEngine.Kernels;

/// <summary>
/// exp and the standard normal CDF for the scenario kernels, written once per width (scalar, 256, 512
/// bits) with the same operations in the same order, so every lane of a vector equals the scalar
/// result bit for bit (docs/numerics.md §Kernels).
/// <list type="bullet">
/// <item>exp(y), y in [-709, 0]: y = k ln2 + r (Cody-Waite split of ln2), |r| &lt;= ln2/2, e^r by its
/// degree-13 Taylor polynomial (truncation &lt; 5e-18 relative), times 2^k built in the exponent bits.</item>
/// <item>N(x): Hart's double-precision algorithm (1968, as popularised by West 2005):
/// e^(-x²/2) times a degree-6/7 rational in |x| below 7.07, a continued fraction above (computed only when a lane needs it), 0 beyond 37;
/// absolute error below 3e-16 against an erfc reference.</item>
/// </list>
/// Polynomials use fused multiply-add in every twin (correctly rounded in hardware and in .NET's
/// software fallback alike), so results do not depend on the instruction set.
/// </summary>
internal static partial class FastMath
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.693147180369123816490;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double TailLimit = 37.0;
    /// <summary>|x| below which N(x) is e^(-x²/2) times Hart's rational; the kernels' common path.</summary>
    internal const double RationalLimit = 7.07106781186547;
    private const double InvSqrt2Pi = 1.0 / 2.506628274631;

    // 1.5 x 2^52: an integer k in [-2^51, 2^51) added to it lands in the low mantissa bits, so 2^k's exponent field is
    // (bits(k + magic) + 1023) << 52 with integer adds and a shift only (no double-to-long conversion, which AVX2 lacks).
    private const double RoundingMagic = 6755399441055744.0;

    // 1/n! for n = 13 down to 2, then the Horner tail 1 + r(1 + ...).
    private const double F13 = 1.0 / 6227020800.0, F12 = 1.0 / 479001600.0, F11 = 1.0 / 39916800.0, F10 = 1.0 / 3628800.0;
    private const double F9 = 1.0 / 362880.0, F8 = 1.0 / 40320.0, F7 = 1.0 / 5040.0, F6 = 1.0 / 720.0, F5 = 1.0 / 120.0;
    private const double F4 = 1.0 / 24.0, F3 = 1.0 / 6.0, F2 = 0.5;

    // Hart's rational approximation, numerator N6..N0 and denominator D7..D0.
    private const double N6 = 3.52624965998911E-02, N5 = 0.700383064443688, N4 = 6.37396220353165, N3 = 33.912866078383;
    private const double N2 = 112.079291497871, N1 = 221.213596169931, N0 = 220.206867912376;
    private const double D7 = 8.83883476483184E-02, D6 = 1.75566716318264, D5 = 16.064177579207, D4 = 86.7807322029461;
    private const double D3 = 296.564248779674, D2 = 637.333633378831, D1 = 793.826512519948, D0 = 440.413735824752;

    /// <summary>e^y for y in [-709, 0].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double y)
    {
        var k = Math.Floor(Math.FusedMultiplyAdd(y, Log2E, 0.5));
        var r = Math.FusedMultiplyAdd(-k, Ln2Lo, Math.FusedMultiplyAdd(-k, Ln2Hi, y));
        // Estrin's scheme: pairs, then r², r⁴, r⁸ (depth 4 instead of Horner's 13; same terms, rounded in another order).
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(F3, r, F2), r2, 1.0 + r);
        var q1 = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(F7, r, F6), r2, Math.FusedMultiplyAdd(F5, r, F4));
        var q2 = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(F11, r, F10), r2, Math.FusedMultiplyAdd(F9, r, F8));
        var q3 = Math.FusedMultiplyAdd(F13, r, F12);
        var p = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(q3, r4, q2), r8, Math.FusedMultiplyAdd(q1, r4, q0));
        return p * BitConverter.Int64BitsToDouble(((long)k + 1023) << 52);
    }

    /// <summary>N(x), the standard normal CDF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NormalCdf(double x)
    {
        var a = Math.Min(Math.Abs(x), TailLimit);
        return NormalCdf(x, a, Exp(a * a * -0.5));
    }

    /// <summary>N(x) given <paramref name="a"/> = min(|x|, 37) and <paramref name="e"/> = e^(-a²/2) (shared between d1 and d2 by the option kernel).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NormalCdf(double x, double a, double e)
    {
        double c;
        if (a < RationalLimit)
        {
            var (n, d) = Rational(a);
            c = e * n / d;
        }
        else
        {
            c = Tail(a, e);
        }

        if (a >= TailLimit)
            c = 0.0;
        return x > 0 ? 1.0 - c : c;
    }

    /// <summary>
    /// N(x1) and N(x2) together (an option's d1 and d2): one division serves both rationals,
    /// <c>n1/d1 = n1 d2 / (d1 d2)</c>. Bitwise equal to the vector overloads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double N1, double N2) NormalCdfPair(double x1, double a1, double e1, double x2, double a2, double e2)
    {
        var (n1, d1) = Rational(a1);
        var (n2, d2) = Rational(a2);
        var inverse = 1.0 / (d1 * d2);
        var c1 = a1 < RationalLimit ? e1 * n1 * d2 * inverse : Tail(a1, e1);
        var c2 = a2 < RationalLimit ? e2 * n2 * d1 * inverse : Tail(a2, e2);
        if (a1 >= TailLimit)
            c1 = 0.0;
        if (a2 >= TailLimit)
            c2 = 0.0;
        return (x1 > 0 ? 1.0 - c1 : c1, x2 > 0 ? 1.0 - c2 : c2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double N, double D) Rational(double a)
    {
        var n = Math.FusedMultiplyAdd(N6, a, N5);
        n = Math.FusedMultiplyAdd(n, a, N4);
        n = Math.FusedMultiplyAdd(n, a, N3);
        n = Math.FusedMultiplyAdd(n, a, N2);
        n = Math.FusedMultiplyAdd(n, a, N1);
        n = Math.FusedMultiplyAdd(n, a, N0);
        var d = Math.FusedMultiplyAdd(D7, a, D6);
        d = Math.FusedMultiplyAdd(d, a, D5);
        d = Math.FusedMultiplyAdd(d, a, D4);
        d = Math.FusedMultiplyAdd(d, a, D3);
        d = Math.FusedMultiplyAdd(d, a, D2);
        d = Math.FusedMultiplyAdd(d, a, D1);
        d = Math.FusedMultiplyAdd(d, a, D0);
        return (n, d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Tail(double a, double e)
    {
        var b = a + 0.65;
        b = a + 4.0 / b;
        b = a + 3.0 / b;
        b = a + 2.0 / b;
        b = a + 1.0 / b;
        return e / b * InvSqrt2Pi;
    }

    /// <summary>N(x1) and N(x2) lane by lane with one shared division, bitwise equal to the scalar pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> N1, Vector512<double> N2) NormalCdfPair(Vector512<double> x1, Vector512<double> a1, Vector512<double> e1, Vector512<double> x2, Vector512<double> a2, Vector512<double> e2)
    {
        var (n1, d1, n2, d2) = Rationals(a1, a2);
        var inverse = Vector512<double>.One / (d1 * d2);
        var c1 = e1 * n1 * d2 * inverse;
        var c2 = e2 * n2 * d1 * inverse;
        if (!Vector512.LessThanAll(Vector512.MaxNative(a1, a2), Vector512.Create(RationalLimit)))
            (c1, c2) = PastRational(a1, e1, c1, a2, e2, c2);
        return (Vector512.ConditionalSelect(Vector512.GreaterThan(x1, Vector512<double>.Zero), Vector512<double>.One - c1, c1),
            Vector512.ConditionalSelect(Vector512.GreaterThan(x2, Vector512<double>.Zero), Vector512<double>.One - c2, c2));
    }

    /// <summary>
    /// N(x1) and N(x2) when every lane's |x| is below <see cref="RationalLimit"/> (the caller checks): the kernels' common
    /// path, the same operations as <see cref="NormalCdfPair(Vector512{double}, Vector512{double}, Vector512{double}, Vector512{double}, Vector512{double}, Vector512{double})"/> there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> N1, Vector512<double> N2) NormalCdfPairCentral(Vector512<double> x1, Vector512<double> a1, Vector512<double> e1, Vector512<double> x2, Vector512<double> a2, Vector512<double> e2)
    {
        var (n1, d1, n2, d2) = Rationals(a1, a2);
        var inverse = Vector512<double>.One / (d1 * d2);
        var c1 = e1 * n1 * d2 * inverse;
        var c2 = e2 * n2 * d1 * inverse;
        return (Vector512.ConditionalSelect(Vector512.GreaterThan(x1, Vector512<double>.Zero), Vector512<double>.One - c1, c1),
            Vector512.ConditionalSelect(Vector512.GreaterThan(x2, Vector512<double>.Zero), Vector512<double>.One - c2, c2));
    }

    /// <summary>The rare lanes past 7.07 (continued fraction) or the 37 cut-off (0), out of line so the common path keeps its registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Vector512<double> C1, Vector512<double> C2) PastRational(Vector512<double> a1, Vector512<double> e1, Vector512<double> c1, Vector512<double> a2, Vector512<double> e2, Vector512<double> c2)
    {
        var limit = Vector512.Create(RationalLimit);
        var cut = Vector512.Create(TailLimit);
        c1 = Vector512.ConditionalSelect(Vector512.LessThan(a1, limit), c1, Tail(a1, e1));
        c2 = Vector512.ConditionalSelect(Vector512.LessThan(a2, limit), c2, Tail(a2, e2));
        return (Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(a1, cut), Vector512<double>.Zero, c1),
            Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(a2, cut), Vector512<double>.Zero, c2));
    }

    /// <summary>Hart's numerator and denominator at two arguments, interleaved so each coefficient is loaded once and the two chains overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> N1, Vector512<double> D1, Vector512<double> N2, Vector512<double> D2) Rationals(Vector512<double> a1, Vector512<double> a2)
    {
        var n1 = Vector512.FusedMultiplyAdd(Vector512.Create(N6), a1, Vector512.Create(N5));
        var n2 = Vector512.FusedMultiplyAdd(Vector512.Create(N6), a2, Vector512.Create(N5));
        n1 = Vector512.FusedMultiplyAdd(n1, a1, Vector512.Create(N4));
        n2 = Vector512.FusedMultiplyAdd(n2, a2, Vector512.Create(N4));
        n1 = Vector512.FusedMultiplyAdd(n1, a1, Vector512.Create(N3));
        n2 = Vector512.FusedMultiplyAdd(n2, a2, Vector512.Create(N3));
        n1 = Vector512.FusedMultiplyAdd(n1, a1, Vector512.Create(N2));
        n2 = Vector512.FusedMultiplyAdd(n2, a2, Vector512.Create(N2));
        n1 = Vector512.FusedMultiplyAdd(n1, a1, Vector512.Create(N1));
        n2 = Vector512.FusedMultiplyAdd(n2, a2, Vector512.Create(N1));
        n1 = Vector512.FusedMultiplyAdd(n1, a1, Vector512.Create(N0));
        n2 = Vector512.FusedMultiplyAdd(n2, a2, Vector512.Create(N0));
        var d1 = Vector512.FusedMultiplyAdd(Vector512.Create(D7), a1, Vector512.Create(D6));
        var d2 = Vector512.FusedMultiplyAdd(Vector512.Create(D7), a2, Vector512.Create(D6));
        d1 = Vector512.FusedMultiplyAdd(d1, a1, Vector512.Create(D5));
        d2 = Vector512.FusedMultiplyAdd(d2, a2, Vector512.Create(D5));
        d1 = Vector512.FusedMultiplyAdd(d1, a1, Vector512.Create(D4));
        d2 = Vector512.FusedMultiplyAdd(d2, a2, Vector512.Create(D4));
        d1 = Vector512.FusedMultiplyAdd(d1, a1, Vector512.Create(D3));
        d2 = Vector512.FusedMultiplyAdd(d2, a2, Vector512.Create(D3));
        d1 = Vector512.FusedMultiplyAdd(d1, a1, Vector512.Create(D2));
        d2 = Vector512.FusedMultiplyAdd(d2, a2, Vector512.Create(D2));
        d1 = Vector512.FusedMultiplyAdd(d1, a1, Vector512.Create(D1));
        d2 = Vector512.FusedMultiplyAdd(d2, a2, Vector512.Create(D1));
        d1 = Vector512.FusedMultiplyAdd(d1, a1, Vector512.Create(D0));
        d2 = Vector512.FusedMultiplyAdd(d2, a2, Vector512.Create(D0));
        return (n1, d1, n2, d2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Tail(Vector512<double> a, Vector512<double> e)
    {
        var b = a + Vector512.Create(0.65);
        b = a + Vector512.Create(4.0) / b;
        b = a + Vector512.Create(3.0) / b;
        b = a + Vector512.Create(2.0) / b;
        b = a + Vector512<double>.One / b;
        return e / b * Vector512.Create(InvSqrt2Pi);
    }

    /// <summary>e^y lane by lane, bitwise equal to <see cref="Exp(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> y)
    {
        var k = Vector512.Floor(Vector512.FusedMultiplyAdd(y, Vector512.Create(Log2E), Vector512.Create(0.5)));
        var r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Lo), Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Hi), y));
        // Estrin's scheme: pairs, then r², r⁴, r⁸ (depth 4 instead of Horner's 13; same terms, rounded in another order).
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(F3), r, Vector512.Create(F2)), r2, Vector512<double>.One + r);
        var q1 = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(F7), r, Vector512.Create(F6)), r2, Vector512.FusedMultiplyAdd(Vector512.Create(F5), r, Vector512.Create(F4)));
        var q2 = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(F11), r, Vector512.Create(F10)), r2, Vector512.FusedMultiplyAdd(Vector512.Create(F9), r, Vector512.Create(F8)));
        var q3 = Vector512.FusedMultiplyAdd(Vector512.Create(F13), r, Vector512.Create(F12));
        var p = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(q3, r4, q2), r8, Vector512.FusedMultiplyAdd(q1, r4, q0));
        var bits = Vector512.ShiftLeft((k + Vector512.Create(RoundingMagic)).AsInt64() + Vector512.Create(1023L), 52);
        return p * bits.AsDouble();
    }
}
