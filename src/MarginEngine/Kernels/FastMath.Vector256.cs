using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MarginEngine.Kernels;

/// <summary>The Vector256 twins of <see cref="FastMath"/>'s kernels (AVX2 machines): the same arithmetic lane by lane, bitwise equal to the scalar twin.</summary>
internal static partial class FastMath
{
    /// <summary>N(x1) and N(x2) lane by lane with one shared division, bitwise equal to the scalar pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> N1, Vector256<double> N2) NormalCdfPair(Vector256<double> x1, Vector256<double> a1, Vector256<double> e1, Vector256<double> x2, Vector256<double> a2, Vector256<double> e2)
    {
        var (n1, d1, n2, d2) = Rationals(a1, a2);
        var inverse = Vector256<double>.One / (d1 * d2);
        var c1 = e1 * n1 * d2 * inverse;
        var c2 = e2 * n2 * d1 * inverse;
        if (!Vector256.LessThanAll(Vector256.MaxNative(a1, a2), Vector256.Create(RationalLimit)))
            (c1, c2) = PastRational(a1, e1, c1, a2, e2, c2);
        return (Vector256.ConditionalSelect(Vector256.GreaterThan(x1, Vector256<double>.Zero), Vector256<double>.One - c1, c1),
            Vector256.ConditionalSelect(Vector256.GreaterThan(x2, Vector256<double>.Zero), Vector256<double>.One - c2, c2));
    }

    /// <summary>
    /// N(x1) and N(x2) when every lane's |x| is below <see cref="RationalLimit"/> (the caller checks): the kernels' common
    /// path, the same operations as <see cref="NormalCdfPair(Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double})"/> there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> N1, Vector256<double> N2) NormalCdfPairCentral(Vector256<double> x1, Vector256<double> a1, Vector256<double> e1, Vector256<double> x2, Vector256<double> a2, Vector256<double> e2)
    {
        var (n1, d1, n2, d2) = Rationals(a1, a2);
        var inverse = Vector256<double>.One / (d1 * d2);
        var c1 = e1 * n1 * d2 * inverse;
        var c2 = e2 * n2 * d1 * inverse;
        return (Vector256.ConditionalSelect(Vector256.GreaterThan(x1, Vector256<double>.Zero), Vector256<double>.One - c1, c1),
            Vector256.ConditionalSelect(Vector256.GreaterThan(x2, Vector256<double>.Zero), Vector256<double>.One - c2, c2));
    }

    /// <summary>The rare lanes past 7.07 (continued fraction) or the 37 cut-off (0), out of line so the common path keeps its registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Vector256<double> C1, Vector256<double> C2) PastRational(Vector256<double> a1, Vector256<double> e1, Vector256<double> c1, Vector256<double> a2, Vector256<double> e2, Vector256<double> c2)
    {
        var limit = Vector256.Create(RationalLimit);
        var cut = Vector256.Create(TailLimit);
        c1 = Vector256.ConditionalSelect(Vector256.LessThan(a1, limit), c1, Tail(a1, e1));
        c2 = Vector256.ConditionalSelect(Vector256.LessThan(a2, limit), c2, Tail(a2, e2));
        return (Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a1, cut), Vector256<double>.Zero, c1),
            Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a2, cut), Vector256<double>.Zero, c2));
    }

    /// <summary>Hart's numerator and denominator at two arguments, interleaved so each coefficient is loaded once and the two chains overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> N1, Vector256<double> D1, Vector256<double> N2, Vector256<double> D2) Rationals(Vector256<double> a1, Vector256<double> a2)
    {
        var n1 = Vector256.FusedMultiplyAdd(Vector256.Create(N6), a1, Vector256.Create(N5));
        var n2 = Vector256.FusedMultiplyAdd(Vector256.Create(N6), a2, Vector256.Create(N5));
        n1 = Vector256.FusedMultiplyAdd(n1, a1, Vector256.Create(N4));
        n2 = Vector256.FusedMultiplyAdd(n2, a2, Vector256.Create(N4));
        n1 = Vector256.FusedMultiplyAdd(n1, a1, Vector256.Create(N3));
        n2 = Vector256.FusedMultiplyAdd(n2, a2, Vector256.Create(N3));
        n1 = Vector256.FusedMultiplyAdd(n1, a1, Vector256.Create(N2));
        n2 = Vector256.FusedMultiplyAdd(n2, a2, Vector256.Create(N2));
        n1 = Vector256.FusedMultiplyAdd(n1, a1, Vector256.Create(N1));
        n2 = Vector256.FusedMultiplyAdd(n2, a2, Vector256.Create(N1));
        n1 = Vector256.FusedMultiplyAdd(n1, a1, Vector256.Create(N0));
        n2 = Vector256.FusedMultiplyAdd(n2, a2, Vector256.Create(N0));
        var d1 = Vector256.FusedMultiplyAdd(Vector256.Create(D7), a1, Vector256.Create(D6));
        var d2 = Vector256.FusedMultiplyAdd(Vector256.Create(D7), a2, Vector256.Create(D6));
        d1 = Vector256.FusedMultiplyAdd(d1, a1, Vector256.Create(D5));
        d2 = Vector256.FusedMultiplyAdd(d2, a2, Vector256.Create(D5));
        d1 = Vector256.FusedMultiplyAdd(d1, a1, Vector256.Create(D4));
        d2 = Vector256.FusedMultiplyAdd(d2, a2, Vector256.Create(D4));
        d1 = Vector256.FusedMultiplyAdd(d1, a1, Vector256.Create(D3));
        d2 = Vector256.FusedMultiplyAdd(d2, a2, Vector256.Create(D3));
        d1 = Vector256.FusedMultiplyAdd(d1, a1, Vector256.Create(D2));
        d2 = Vector256.FusedMultiplyAdd(d2, a2, Vector256.Create(D2));
        d1 = Vector256.FusedMultiplyAdd(d1, a1, Vector256.Create(D1));
        d2 = Vector256.FusedMultiplyAdd(d2, a2, Vector256.Create(D1));
        d1 = Vector256.FusedMultiplyAdd(d1, a1, Vector256.Create(D0));
        d2 = Vector256.FusedMultiplyAdd(d2, a2, Vector256.Create(D0));
        return (n1, d1, n2, d2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Tail(Vector256<double> a, Vector256<double> e)
    {
        var b = a + Vector256.Create(0.65);
        b = a + Vector256.Create(4.0) / b;
        b = a + Vector256.Create(3.0) / b;
        b = a + Vector256.Create(2.0) / b;
        b = a + Vector256<double>.One / b;
        return e / b * Vector256.Create(InvSqrt2Pi);
    }

    /// <summary>e^y lane by lane, bitwise equal to <see cref="Exp(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> y)
    {
        var k = Vector256.Floor(Vector256.FusedMultiplyAdd(y, Vector256.Create(Log2E), Vector256.Create(0.5)));
        var r = Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Lo), Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Hi), y));
        // Estrin's scheme: pairs, then r², r⁴, r⁸ (depth 4 instead of Horner's 13; same terms, rounded in another order).
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(F3), r, Vector256.Create(F2)), r2, Vector256<double>.One + r);
        var q1 = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(F7), r, Vector256.Create(F6)), r2, Vector256.FusedMultiplyAdd(Vector256.Create(F5), r, Vector256.Create(F4)));
        var q2 = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(F11), r, Vector256.Create(F10)), r2, Vector256.FusedMultiplyAdd(Vector256.Create(F9), r, Vector256.Create(F8)));
        var q3 = Vector256.FusedMultiplyAdd(Vector256.Create(F13), r, Vector256.Create(F12));
        var p = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(q3, r4, q2), r8, Vector256.FusedMultiplyAdd(q1, r4, q0));
        var bits = Vector256.ShiftLeft((k + Vector256.Create(RoundingMagic)).AsInt64() + Vector256.Create(1023L), 52);
        return p * bits.AsDouble();
    }
}
