using MarginEngine.Instruments;
using MarginEngine.Kernels;
using MarginEngine.Pricing;

namespace MarginEngine.Tests.Kernels;

public class OptionKernelTests
{
    /// <summary>A random option and unit: 1 to 130 lanes, moves within ±60% of 50,000, σ√T from 0.01 to 1.01 (so lanes past |d| = 7.07 and 37 occur).</summary>
    private sealed record Case(int N, OptionLanes Option, double[] LogMove, double[] Price, double[] A, double[] B, double[] Sd, double[] Inverse)
    {
        public UnitLanes Unit => new(LogMove, Price, A, B);

        public static Case Random(Random random)
        {
            var n = 1 + random.Next(130);
            var (logMove, price, a, b, sd) = (new double[n], new double[n], new double[n], new double[n], new double[n]);
            for (var i = 0; i < n; i++)
            {
                var move = random.NextDouble() * 1.2 - 0.6;
                logMove[i] = Math.Log(1 + move);
                price[i] = 50_000 * (1 + move);
                a[i] = random.NextDouble();
                b[i] = random.NextDouble();
                sd[i] = 0.01 + random.NextDouble();
            }

            var option = new OptionLanes(Math.Log(50_000 / (20_000 + random.NextDouble() * 60_000)), 20_000 + random.NextDouble() * 60_000,
                random.Next(2) == 0 ? 1 : -1, random.NextDouble() * 10 - 5, random.NextDouble() * 5_000);
            return new Case(n, option, logMove, price, a, b, sd, [.. sd.Select(x => 1 / x)]);
        }
    }

    private static IEnumerable<long> Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Row_SimdEqualsScalarTwinBitForBit(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var c = Case.Random(random);
            var simd = new double[c.N];
            var scalar = new double[c.N];
            OptionKernel.Row(c.Option, c.Unit, c.Sd, c.Inverse, simd);
            OptionKernel.RowScalar(c.Option, c.Unit, c.Sd, c.Inverse, scalar);
            Bits(simd).Should().Equal(Bits(scalar));
        }
    }

    [Vector256Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Row_Vector256TwinEqualsScalarTwinBitForBit(int seed)
    {
        // The widest twin runs in Row_SimdEqualsScalarTwinBitForBit; on an AVX-512 machine the Vector256 twin needs its own run.
        var random = new Random(seed);
        var lanes = 0;
        for (var round = 0; round < 200; round++)
        {
            var c = Case.Random(random);
            var scalar = new double[c.N];
            OptionKernel.RowScalar(c.Option, c.Unit, c.Sd, c.Inverse, scalar);
            var v256 = new double[c.N];
            OptionKernel.RowScalar(c.Option, c.Unit, c.Sd, c.Inverse, v256);
            var done = OptionKernel.Row256(c.Option, c.Unit, c.Sd, c.Inverse, v256, c.N);
            lanes += done;
            Bits(v256).Should().Equal(Bits(scalar), $"the first {done} lanes ran on Vector256");
        }

        lanes.Should().BeGreaterThan(1_000, "most cases run whole blocks on the Vector256 twin");
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
            var c = Case.Random(random);
            var start = Enumerable.Range(0, c.N).Select(_ => random.NextDouble() * 1e6 - 5e5).ToArray();
            var row = new double[c.N];
            var twoPass = (double[])start.Clone();
            OptionKernel.RowScalar(c.Option, c.Unit, c.Sd, c.Inverse, row);
            ScenarioKernels.AccumulateScalar(row, twoPass);
            var fused = (double[])start.Clone();
            OptionKernel.Accumulate(c.Option, c.Unit, c.Sd, c.Inverse, fused);
            Bits(fused).Should().Equal(Bits(twoPass));
        }
    }

    [Vector256Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Accumulate_Vector256TwinEqualsRowThenAccumulateBitForBit(int seed)
    {
        var random = new Random(seed);
        var lanes = 0;
        for (var round = 0; round < 200; round++)
        {
            var c = Case.Random(random);
            var start = Enumerable.Range(0, c.N).Select(_ => random.NextDouble() * 1e6 - 5e5).ToArray();
            var row = new double[c.N];
            var twoPass = (double[])start.Clone();
            OptionKernel.RowScalar(c.Option, c.Unit, c.Sd, c.Inverse, row);
            ScenarioKernels.AccumulateScalar(row, twoPass);
            var v256 = (double[])start.Clone();
            var done = OptionKernel.Row256(c.Option, c.Unit, c.Sd, c.Inverse, v256, c.N, accumulate: true);
            lanes += done;
            Bits(v256.Take(done)).Should().Equal(Bits(twoPass.Take(done)));
        }

        lanes.Should().BeGreaterThan(1_000, "most cases run whole blocks on the Vector256 twin");
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
