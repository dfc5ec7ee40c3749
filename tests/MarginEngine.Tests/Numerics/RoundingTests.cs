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
}
