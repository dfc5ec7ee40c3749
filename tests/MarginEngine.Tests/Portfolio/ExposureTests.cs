using MarginEngine.Compiled;
using MarginEngine.Instruments;
using MathNet.Numerics.Distributions;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Portfolio;

public class ExposureTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OptionDelta_MatchesTheErfcReference(int seed)
    {
        // Delta per coin = (F/S) x D x N(d1) for a call and (F/S) x D x (N(d1) - 1) for a put, d1 = ln(F/K)/(σ√T) + σ√T/2,
        // against MathNet's erfc-based normal CDF (the engine takes N(±d1) from its base-value pricing, in its own rounding).
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var index = 50_000.0;
            var forward = index * (0.95 + random.NextDouble() * 0.1);
            var discount = 0.97 + random.NextDouble() * 0.03;
            var vol = 0.1 + random.NextDouble();
            var days = 1 + random.NextDouble() * 365;
            var right = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            var strike = Math.Round((decimal)(index * (0.5 + random.NextDouble())), 0);
            var option = Option($"O{i}", right, strike, days);
            var years = days / 365.0;
            var e = Exposure.ForOption(option, 1, index, forward, discount, vol, years, 1);
            var sd = vol * Math.Sqrt(years);
            var d1 = Math.Log(forward / (double)strike) / sd + sd / 2;
            var reference = forward / index * discount * (right == OptionRight.Call ? Normal.CDF(0, 1, d1) : Normal.CDF(0, 1, d1) - 1);
            e.Delta.Should().BeApproximately(reference, 1e-13, $"call/put {right}, K {strike}, F {forward}, σ {vol}, T {years}");
        }
    }
}
