using MarginEngine.Errors;
using MarginEngine.MarketData;

namespace MarginEngine.Tests.MarketData;

public class MarketSnapshotTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void MarkPrice_NotFiniteOrNegative_ThrowsNamingTheInstrument(double price)
    {
        // 0 is a valid mark for an option (worthless seconds before expiry); on anything else it is rejected where it is
        // used (SettlementTests.ZeroMark_OnAPerpetual_IsRejectedNamingIt).
        var act = () => new MarketSnapshot(Fixtures.Now, [], new Dictionary<string, double> { ["BTCUSDT"] = price });
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "markPrices[BTCUSDT]");
    }

    [Fact]
    public void GetIndexPrice_Missing_ThrowsRatherThanZero()
    {
        var act = () => Fixtures.Market().GetIndexPrice("DOGE");
        act.Should().Throw<MissingMarketDataException>().Where(e => e.Id == "DOGE");
    }

    [Fact]
    public void WithMarkPrice_ReturnsANewSnapshotAndLeavesTheOriginal()
    {
        var original = Fixtures.Market(("BTCUSDT", 50_000));
        var moved = original.WithMarkPrice("BTCUSDT", 45_000);
        moved.GetMarkPrice("BTCUSDT").Should().Be(45_000);
        original.GetMarkPrice("BTCUSDT").Should().Be(50_000);
        moved.GetIndexPrice("BTC").Should().Be(50_000);
    }
}
