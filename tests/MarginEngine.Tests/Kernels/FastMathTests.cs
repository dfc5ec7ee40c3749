using System.Runtime.Intrinsics;
using MarginEngine.Kernels;
using MarginEngine.Pricing;

namespace MarginEngine.Tests.Kernels;

public class FastMathTests
{
    [Fact]
    public void NormalCdf_AgreesWithMathNetErfcEverywhere()
    {
        // Reference: N(x) = erfc(-x/√2)/2 through MathNet. Documented bound: 3e-16 absolute.
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var x = i % 2 == 0 ? random.NextDouble() * 16 - 8 : random.NextDouble() * 90 - 45;
            FastMath.NormalCdf(x).Should().BeApproximately(Black76.NormalCdf(x), 3e-16);
        }
    }

    [Fact]
    public void NormalCdf_LowerTailKeepsEightDigits()
    {
        // Relative accuracy in the lower tail (documented in docs/numerics.md): below 1e-8 for x in (-37, 0] (at -37 and beyond N is 0),
        // e.g. N(-10) = 7.6198530241605e-24 to 8 digits; the absolute error stays below 3e-16.
        for (var x = -36.99; x <= 0; x += 0.01)
        {
            var reference = Black76.NormalCdf(x);
            (Math.Abs(FastMath.NormalCdf(x) - reference) / reference).Should().BeLessThan(1e-8);
        }
    }

    [Fact]
    public void Exp_AgreesWithMathExp()
    {
        var random = new Random(8);
        for (var i = 0; i < 100_000; i++)
        {
            var y = -random.NextDouble() * 700;
            var exact = Math.Exp(y);
            (Math.Abs(FastMath.Exp(y) - exact) / exact).Should().BeLessThan(1e-15);
        }
    }

    [Vector512Fact]
    public void Vector512_EqualsScalarBitForBit()
    {
        var random = new Random(9);
        var (x1, x2, y) = (new double[8], new double[8], new double[8]);
        for (var round = 0; round < 20_000; round++)
        {
            for (var i = 0; i < 8; i++)
            {
                x1[i] = random.NextDouble() * 90 - 45;
                x2[i] = x1[i] - random.NextDouble() * 3;
                y[i] = -random.NextDouble() * 700;
            }

            var (a1, a2) = (Clamp(Vector512.Create(x1)), Clamp(Vector512.Create(x2)));
            var (e1, e2) = (FastMath.Exp(a1 * a1 * -0.5), FastMath.Exp(a2 * a2 * -0.5));
            var (n1, n2) = FastMath.NormalCdfPair(Vector512.Create(x1), a1, e1, Vector512.Create(x2), a2, e2);
            var exp = FastMath.Exp(Vector512.Create(y));
            for (var i = 0; i < 8; i++)
            {
                var (s1, s2) = ScalarPair(x1[i], x2[i]);
                Bits(n1[i]).Should().Be(Bits(s1));
                Bits(n2[i]).Should().Be(Bits(s2));
                Bits(exp[i]).Should().Be(Bits(FastMath.Exp(y[i])));
            }
        }

        static Vector512<double> Clamp(Vector512<double> x) => Vector512.Min(Vector512.Abs(x), Vector512.Create(37.0));
    }

    [Vector256Fact]
    public void Vector256_EqualsScalarBitForBit()
    {
        var random = new Random(10);
        var (x1, x2) = (new double[4], new double[4]);
        for (var round = 0; round < 20_000; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                x1[i] = random.NextDouble() * 90 - 45;
                x2[i] = x1[i] - random.NextDouble() * 3;
            }

            var (a1, a2) = (Clamp(Vector256.Create(x1)), Clamp(Vector256.Create(x2)));
            var (n1, n2) = FastMath.NormalCdfPair(Vector256.Create(x1), a1, FastMath.Exp(a1 * a1 * -0.5), Vector256.Create(x2), a2, FastMath.Exp(a2 * a2 * -0.5));
            for (var i = 0; i < 4; i++)
            {
                var (s1, s2) = ScalarPair(x1[i], x2[i]);
                Bits(n1[i]).Should().Be(Bits(s1));
                Bits(n2[i]).Should().Be(Bits(s2));
            }
        }

        static Vector256<double> Clamp(Vector256<double> x) => Vector256.Min(Vector256.Abs(x), Vector256.Create(37.0));
    }

    [Fact]
    public void NormalCdfPair_AgreesWithMathNetErfc()
    {
        // The shared-division pair keeps the documented 3e-16 absolute accuracy on each CDF.
        var random = new Random(11);
        for (var i = 0; i < 100_000; i++)
        {
            var x1 = random.NextDouble() * 20 - 10;
            var x2 = x1 - random.NextDouble() * 3;
            var (n1, n2) = ScalarPair(x1, x2);
            n1.Should().BeApproximately(Black76.NormalCdf(x1), 3e-16);
            n2.Should().BeApproximately(Black76.NormalCdf(x2), 3e-16);
        }
    }

    private static (double N1, double N2) ScalarPair(double x1, double x2)
    {
        var a1 = Math.Min(Math.Abs(x1), 37.0);
        var a2 = Math.Min(Math.Abs(x2), 37.0);
        return FastMath.NormalCdfPair(x1, a1, FastMath.Exp(a1 * a1 * -0.5), x2, a2, FastMath.Exp(a2 * a2 * -0.5));
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
