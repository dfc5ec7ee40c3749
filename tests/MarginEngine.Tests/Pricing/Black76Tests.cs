using MarginEngine.Instruments;
using MarginEngine.Pricing;

namespace MarginEngine.Tests.Pricing;

public class Black76Tests
{
    [Fact]
    public void AtTheMoneyCall_ClosedForm()
    {
        // ATM Black-76: C = F (2 N(σ√T / 2) - 1); F 100, σ 0.5, T 1: N(0.25) = 0.5987063257 -> C = 19.741265137.
        Black76.Price(OptionRight.Call, 100, 100, 0.5, 1).Should().BeApproximately(19.741265137, 1e-8);
    }

    [Fact]
    public void HullFuturesOptionExample_Undiscounted()
    {
        // Hull's futures option example: F 20, K 20, r 9%, σ 25%, T 4 months -> call 1.1166 (discounted).
        // Undiscounted: 1.1166414566 / exp(-0.09 x 4/12) = 1.1506482517.
        Black76.Price(OptionRight.Call, 20, 20, 0.25, 4.0 / 12).Should().BeApproximately(1.1506482517, 1e-9);
    }

    [Theory]
    [InlineData(100, 80, 0.6, 0.25)]
    [InlineData(50_000, 65_000, 0.8, 0.05)]
    [InlineData(3_000, 2_500, 0.3, 2.0)]
    public void PutCallParity_CallMinusPutIsForwardMinusStrike(double f, double k, double vol, double t)
    {
        // Undiscounted parity: C - P = F - K.
        (Black76.Price(OptionRight.Call, f, k, vol, t) - Black76.Price(OptionRight.Put, f, k, vol, t)).Should().BeApproximately(f - k, 1e-9 * f);
    }

    [Fact]
    public void Limits_DeepItmOtmAndExpiry()
    {
        // Deep ITM call -> F - K; deep OTM -> 0; T = 0 -> intrinsic.
        Black76.Price(OptionRight.Call, 100_000, 10_000, 0.5, 0.1).Should().BeApproximately(90_000, 1e-6);
        Black76.Price(OptionRight.Call, 10_000, 100_000, 0.5, 0.1).Should().BeApproximately(0, 1e-9);
        Black76.Price(OptionRight.Put, 90, 100, 0.5, 0).Should().Be(10);
        Black76.Price(OptionRight.Call, 90, 100, 0.5, 1e-20).Should().Be(0);
    }

    [Fact]
    public void Greeks_AtTheMoney_ClosedForm()
    {
        // F 100, σ 0.5, T 1: d1 = 0.25, N(d1) = 0.598706326, φ(d1) = 0.386668117.
        // delta = 0.598706326; gamma = φ / (F σ √T) = 0.00773336234; vega = F φ √T = 38.6668117; theta = -F φ σ / (2√T) = -9.66670292.
        var g = Black76.Greeks(OptionRight.Call, 100, 100, 0.5, 1);
        g.Delta.Should().BeApproximately(0.598706326, 1e-9);
        g.Gamma.Should().BeApproximately(0.00773336234, 1e-11);
        g.Vega.Should().BeApproximately(38.6668117, 1e-7);
        g.Theta.Should().BeApproximately(-9.66670292, 1e-7);
        Black76.Greeks(OptionRight.Put, 100, 100, 0.5, 1).Delta.Should().BeApproximately(0.598706326 - 1, 1e-9);
    }

    [Fact]
    public void Delta_MatchesACentralDifference()
    {
        // Independent check: (P(F + h) - P(F - h)) / 2h on the put price written out here with MathNet's normal CDF,
        // P = K N(-d2) - F N(-d1), d1 = ln(F/K)/(σ√T) + σ√T/2, d2 = d1 - σ√T.
        static double Put(double f)
        {
            var sd = 0.7 * Math.Sqrt(0.2);
            var d1 = Math.Log(f / 55_000) / sd + sd / 2;
            return 55_000 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -(d1 - sd)) - f * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -d1);
        }

        const double h = 0.01;
        var numeric = (Put(50_000 + h) - Put(50_000 - h)) / (2 * h);
        Black76.Greeks(OptionRight.Put, 50_000, 55_000, 0.7, 0.2).Delta.Should().BeApproximately(numeric, 1e-6);
    }
}
