using System.Runtime.Intrinsics;
using MarginEngine.Instruments;
using MarginEngine.Kernels;
using MarginEngine.Pricing;

namespace MarginEngine.Tests.Kernels;

public class OptionKernelTests
{
    private static (double[] LogMove, double[] Price, double[] A, double[] B, double[] Sd) Lanes(Random random, int n, double index)
    {
        var logMove = new double[n];
        var price = new double[n];
        var a = new double[n];
        var b = new double[n];
        var sd = new double[n];
        for (var i = 0; i < n; i++)
        {
            var move = random.NextDouble() * 1.2 - 0.6;
            logMove[i] = Math.Log(1 + move);
            price[i] = index * (1 + move);
            a[i] = random.NextDouble();
            b[i] = random.NextDouble();
            sd[i] = 0.01 + random.NextDouble();
        }

        return (logMove, price, a, b, sd);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Row_SimdEqualsScalarTwinBitForBit(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var n = 1 + random.Next(130);
            var (logMove, price, a, b, sd) = Lanes(random, n, 50_000);
            var option = new OptionLanes(Math.Log(50_000 / (20_000 + random.NextDouble() * 60_000)), 20_000 + random.NextDouble() * 60_000,
                random.Next(2) == 0 ? 1 : -1, random.NextDouble() * 10 - 5, random.NextDouble() * 5_000);
            var unit = new UnitLanes(logMove, price, a, b);
            var inverse = sd.Select(x => 1 / x).ToArray();
            var simd = new double[n];
            var scalar = new double[n];
            OptionKernel.Row(option, unit, sd, inverse, simd);
            OptionKernel.RowScalar(option, unit, sd, inverse, scalar);
            simd.Select(BitConverter.DoubleToInt64Bits).Should().Equal(scalar.Select(BitConverter.DoubleToInt64Bits));
            if (Vector256.IsHardwareAccelerated)
            {
                var v256 = new double[n];
                OptionKernel.RowScalar(option, unit, sd, inverse, v256);
                var done = OptionKernel.Row256(option, unit, sd, inverse, v256, n);
                v256.Select(BitConverter.DoubleToInt64Bits).Should().Equal(scalar.Select(BitConverter.DoubleToInt64Bits), $"the first {done} lanes ran on Vector256");
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Accumulate_EqualsRowThenAccumulateBitForBit(int seed)
    {
        // The fused pass adds each lane's cell to the cells it reads: the same two roundings as writing the row and adding it.
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var n = 1 + random.Next(130);
            var (logMove, price, a, b, sd) = Lanes(random, n, 50_000);
            var option = new OptionLanes(Math.Log(50_000 / (20_000 + random.NextDouble() * 60_000)), 20_000 + random.NextDouble() * 60_000,
                random.Next(2) == 0 ? 1 : -1, random.NextDouble() * 10 - 5, random.NextDouble() * 5_000);
            var unit = new UnitLanes(logMove, price, a, b);
            var inverse = sd.Select(x => 1 / x).ToArray();
            var start = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1e6 - 5e5).ToArray();
            var row = new double[n];
            var twoPass = (double[])start.Clone();
            OptionKernel.RowScalar(option, unit, sd, inverse, row);
            ScenarioKernels.AccumulateScalar(row, twoPass);
            var fused = (double[])start.Clone();
            OptionKernel.Accumulate(option, unit, sd, inverse, fused);
            fused.Select(BitConverter.DoubleToInt64Bits).Should().Equal(twoPass.Select(BitConverter.DoubleToInt64Bits));
            if (Vector256.IsHardwareAccelerated)
            {
                var v256 = (double[])start.Clone();
                var done = OptionKernel.Row256(option, unit, sd, inverse, v256, n, accumulate: true);
                v256.Take(done).Select(BitConverter.DoubleToInt64Bits).Should().Equal(twoPass.Take(done).Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [Fact]
    public void Value_MatchesBlack76WithTheErfcReference()
    {
        // Lane value against the MathNet-based Black-76: F 55,000 (a +10% move of 50,000), K 60,000, vol 0.7, T 0.25.
        var sd = 0.7 * Math.Sqrt(0.25);
        var lane = OptionKernel.Value(Math.Log(50_000 / 60_000.0), Math.Log(1.1), 55_000, 60_000, sd, 1 / sd, 1);
        lane.Should().BeApproximately(Black76.Price(OptionRight.Call, 55_000, 60_000, 0.7, 0.25), 1e-9);
        var put = OptionKernel.Value(Math.Log(50_000 / 60_000.0), Math.Log(1.1), 55_000, 60_000, sd, 1 / sd, -1);
        put.Should().BeApproximately(Black76.Price(OptionRight.Put, 55_000, 60_000, 0.7, 0.25), 1e-9);
    }

    [Fact]
    public void Accumulate_SimdEqualsScalar()
    {
        var random = new Random(4);
        var row = Enumerable.Range(0, 105).Select(_ => random.NextDouble() * 1e6 - 5e5).ToArray();
        var simd = Enumerable.Range(0, 105).Select(_ => random.NextDouble()).ToArray();
        var scalar = (double[])simd.Clone();
        ScenarioKernels.Accumulate(row, simd);
        ScenarioKernels.AccumulateScalar(row, scalar);
        simd.Should().Equal(scalar);
    }
}
