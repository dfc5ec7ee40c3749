using MarginEngine.Numerics;

namespace MarginEngine.Tests.Numerics;

public class RoundingTests
{
    [Fact]
    public void Requirement_AResidueInThe28thDigit_DoesNotLiftAnExactFigureByACent()
    {
        // IM at a size-scaled rate r = 3% (IM = notional / max leverage, max leverage = 1 / r): 2,500,000 x 0.03 = 75,000
        // on paper, but decimal's 2,500,000 / (1 / 0.03) is 75,000.000...001. Straight "up to the cent" would make it 75,000.01.
        var im = 2_500_000m / (1m / 0.03m);
        im.Should().NotBe(75_000m, "the residue is there, or this test proves nothing");
        Math.Round(im, 2, MidpointRounding.ToPositiveInfinity).Should().Be(75_000.01m);
        Rounding.Requirement(im).Should().Be(75_000m);
    }

    [Fact]
    public void Significant_KeepsTwentyDigits()
    {
        // 1/3 has 28 digits after the point; twenty significant digits keep 0.33333333333333333333.
        Rounding.Significant(1m / 3m).Should().Be(0.33333333333333333333m);
        // 12,345.678... : 5 integer digits + 15 decimals.
        Rounding.Significant(12_345m + 2m / 3m).Should().Be(12_345.666666666666667m);
        Rounding.Significant(0m).Should().Be(0m);
        Rounding.Significant(-0.001m / 3m).Should().Be(-0.00033333333333333333333m);
    }

    [Fact]
    public void Value_AGenuineFractionOfACent_StillRoundsDown()
    {
        // 100.006 is a real amount: values round down to 100.00, requirements up to 100.01.
        Rounding.Value(100.006m).Should().Be(100.00m);
        Rounding.Requirement(100.006m).Should().Be(100.01m);
    }

    [Fact]
    public void LiquidationPrice_ToTheTick_TowardTheMark()
    {
        // Tick 0.1: a long's 45,180.7228915 rounds up to 45,180.8; a short's 54,776.1194029 down to 54,776.1.
        Rounding.LiquidationPrice(45_180.7228915m, 1, 0.1m).Should().Be(45_180.8m);
        Rounding.LiquidationPrice(54_776.1194029m, -1, 0.1m).Should().Be(54_776.1m);
        // Without a tick: at least 4 places, 8 significant digits: 45,180.7229 (up).
        Rounding.LiquidationPrice(45_180.7228915m, 1).Should().Be(45_180.7229m);
    }

    [Fact]
    public void LiquidationPrice_LowPricedCoin_KeepsItsDigits()
    {
        // 0.0000123456789: 8 significant digits are 12 places: up 0.000012345679, down 0.000012345678 (never 0.0000).
        Rounding.LiquidationPrice(0.0000123456789m, 1).Should().Be(0.000012345679m);
        Rounding.LiquidationPrice(0.0000123456789m, -1).Should().Be(0.000012345678m);
    }

    [Fact]
    public void IsolatedLine_LowPricedPerpetual_ReportsItsLiquidationPriceInFull()
    {
        // 100,000,000 coins long at 0.00001 (notional 1,000 USDT), 10x: margin 100. One bracket, MMR 1%, no cum:
        // LP = (100 - 1,000) / (100,000,000 x 0.01 - 100,000,000) = -900 / -99,000,000 = 0.00000909090909...
        // Eight significant digits, rounded up for a long: 0.0000090909091.
        var pepe = new MarginEngine.Assets.Asset("PEPE");
        var perp = new MarginEngine.Instruments.Perpetual("PEPEUSDT", pepe, Fixtures.Usdt, MarginEngine.Instruments.Settlement.Linear);
        var profile = Fixtures.Profile() with
        {
            Brackets = new Dictionary<string, MarginEngine.Brackets.BracketSchedule> { ["PEPEUSDT"] = MarginEngine.Brackets.BracketSchedule.Create([new(0m, null, 10m, 0.01m)]) },
        };
        var market = new MarginEngine.MarketData.MarketSnapshot(Fixtures.Now,
            new Dictionary<string, double> { ["USDT"] = 1, ["PEPE"] = 0.00001 }, new Dictionary<string, double> { ["PEPEUSDT"] = 0.00001 });
        var account = Fixtures.Account([new(Fixtures.Usdt, 10_000m)], [new(perp, 100_000_000m, 0.00001m, leverage: 10m)]);
        var line = MarginEngine.Modes.IsolatedMarginCalculator.Calculate(account, market, profile).Positions.Single();
        line.LiquidationPrice.Should().Be(0.0000090909091m);
    }
}
