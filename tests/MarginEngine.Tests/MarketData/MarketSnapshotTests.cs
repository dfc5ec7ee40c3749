using MarginEngine.Errors;
using MarginEngine.MarketData;

namespace MarginEngine.Tests.MarketData;

public class MarketSnapshotTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    public void MarkPrice_NotFinitePositive_ThrowsNamingTheInstrument(double price)
    {
        var act = () => new MarketSnapshot(Fixtures.Now, [], new Dictionary<string, double> { ["BTCUSDT"] = price });
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "markPrices[BTCUSDT]");
    }

    [Fact]
    public void GetIndexPrice_Missing_ThrowsRatherThanZero()
    {
        var act = () => Fixtures.Market().GetIndexPrice("DOGE");
        act.Should().Throw<MissingMarketDataException>().Where(e => e.Id == "DOGE");
    }
}
