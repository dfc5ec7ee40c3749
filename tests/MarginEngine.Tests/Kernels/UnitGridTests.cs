using MarginEngine.Instruments;
using MarginEngine.Portfolio;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Kernels;

public class UnitGridTests
{
    [Theory]
    [InlineData(UnitCurrency.Usd)]
    [InlineData(UnitCurrency.Coin)]
    public void Lane_EqualsTheVectorRowBitForBit(UnitCurrency currency)
    {
        // Contributions are read lane by lane after the worst cell is known; they must equal the kernel's row.
        var unit = Unit(currency, extended: [new ExtendedMove(-0.5), new ExtendedMove(2)], extreme: [new ExtremeMove(0.3, 0.35)]);
        var grid = new UnitGrid(unit, 50_000);
        var market = Market([("C", 1_000), ("BTCUSDT", 50_100)], [("C", 0.55)]);
        Exposure[] exposures =
        [
            PortfolioMarginCalculator.ToExposure(Option("C", OptionRight.Put, 47_000m, 20, Settlement.Inverse), -2.5, "C", market),
            PortfolioMarginCalculator.ToExposure(BtcUsdt, 1.5, "BTCUSDT", market),
        ];
        var row = new double[grid.Width];
        var scratch = new double[2 * grid.Width];
        foreach (var e in exposures)
        {
            grid.FillRow(e, scratch, row);
            for (var i = 0; i < grid.Count; i++)
                BitConverter.DoubleToInt64Bits(grid.Lane(e, i)).Should().Be(BitConverter.DoubleToInt64Bits(row[i]));
            row.Skip(grid.Count).Should().AllBeEquivalentTo(0.0, "padding lanes hold zeros");
        }
    }
}
