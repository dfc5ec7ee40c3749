using MarginEngine.Errors;
using MarginEngine.MarketData;
using NodaTime;

namespace MarginEngine.Tests.Pricing;

public class VolatilitySurfaceTests
{
    private static readonly Instant Now = Fixtures.Now;

    private static VolatilitySurface Surface() => new("BTC",
        [Now.Plus(Duration.FromDays(36.5)), Now.Plus(Duration.FromDays(146))],
        [0.8, 1.0, 1.2],
        [[0.70, 0.60, 0.65], [0.60, 0.50, 0.55]]);

    [Fact]
    public void OnAGridPoint_ReturnsIt()
    {
        Surface().Volatility(Now, Now.Plus(Duration.FromDays(36.5)), 1.0).Should().Be(0.60);
    }

    [Fact]
    public void BetweenMoneynessPoints_IsLinearInVol()
    {
        // Halfway between 1.0 (0.60) and 1.2 (0.65): 0.625.
        Surface().Volatility(Now, Now.Plus(Duration.FromDays(36.5)), 1.1).Should().BeApproximately(0.625, 1e-12);
    }

    [Fact]
    public void BetweenExpiries_IsLinearInTotalVariance()
    {
        // T0 = 0.1 (σ 0.6), T1 = 0.4 (σ 0.5), T = 0.25: w = 0.036 + (0.1 - 0.036) x 0.5 = 0.068 -> σ = sqrt(0.068 / 0.25) = 0.52153619.
        Surface().Volatility(Now, Now.Plus(Duration.FromDays(91.25)), 1.0).Should().BeApproximately(0.52153619, 1e-8);
    }

    [Fact]
    public void OutsideTheGrid_IsFlat()
    {
        Surface().Volatility(Now, Now.Plus(Duration.FromDays(400)), 2.0).Should().Be(0.55);
        Surface().Volatility(Now, Now.Plus(Duration.FromDays(1)), 0.1).Should().Be(0.70);
    }

    [Fact]
    public void UnsortedMoneyness_IsRejected()
    {
        var act = () => new VolatilitySurface("BTC", [Now.Plus(Duration.FromDays(1))], [1.0, 0.9], [[0.5, 0.5]]);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "volatilitySurfaces[BTC].moneyness[1]");
    }
}
