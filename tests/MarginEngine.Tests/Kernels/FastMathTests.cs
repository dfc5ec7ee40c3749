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

    [Fact]
    public void Vector512_EqualsScalarBitForBit()
    {
        if (!Vector512.IsHardwareAccelerated)
            return;
        var random = new Random(9);
        var x = new double[8];
        for (var round = 0; round < 20_000; round++)
        {
            for (var i = 0; i < 8; i++)
                x[i] = random.NextDouble() * 90 - 45;
            var cdf = FastMath.NormalCdf(Vector512.Create(x));
            var exp = FastMath.Exp(Vector512.Create(x) * -Math.Abs(x[0]) - Vector512.Create(1.0));
            for (var i = 0; i < 8; i++)
            {
                BitConverter.DoubleToInt64Bits(cdf[i]).Should().Be(BitConverter.DoubleToInt64Bits(FastMath.NormalCdf(x[i])));
                var y = x[i] * -Math.Abs(x[0]) - 1.0;
                if (y is >= -700 and <= 0)
                    BitConverter.DoubleToInt64Bits(exp[i]).Should().Be(BitConverter.DoubleToInt64Bits(FastMath.Exp(y)));
            }
        }
    }

    [Fact]
    public void Vector256_EqualsScalarBitForBit()
    {
        if (!Vector256.IsHardwareAccelerated)
            return;
        var random = new Random(10);
        var x = new double[4];
        for (var round = 0; round < 20_000; round++)
        {
            for (var i = 0; i < 4; i++)
                x[i] = random.NextDouble() * 90 - 45;
            var cdf = FastMath.NormalCdf(Vector256.Create(x));
            for (var i = 0; i < 4; i++)
                BitConverter.DoubleToInt64Bits(cdf[i]).Should().Be(BitConverter.DoubleToInt64Bits(FastMath.NormalCdf(x[i])));
        }
    }
}
