using MarginEngine.Accounts;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Portfolio;

public class UnifiedMarginCalculatorTests
{
    private static MarginEngine.Profiles.RiskProfile Binance() => new("unified", Profile().Brackets, Profile().Haircuts, new MarginEngine.Profiles.BorrowRates(0.1m, 0.02m),
        MarginEngine.Profiles.OptionMarginRates.Bybit, MarginEngine.Profiles.FeePolicy.None, MarginEngine.Profiles.OpenOrderPolicy.ReserveInitialOnly,
        unified: UnifiedMarginParameters.Binance);

    [Fact]
    public void UniMmr_AdjustedEquityOverBracketMm()
    {
        // USDT 10,000 + BTCUSDT P&L +2,000 (long 1 @ 48,000, mark 50,000) + ETHUSDT P&L -1,000 (short 10 @ 3,000, mark 3,100):
        // USDT equity 11,000 x 1 = 11,000; BTC 1 x 50,000 x 0.95 = 47,500 -> adjusted 58,500.
        // MM: BTC notional 50,000 bracket 2: 250 - 50 = 200; ETH notional 31,000 bracket 2: 201.5 - 15 = 186.5 -> 386.5.
        // uniMMR = 58,500 / 386.5 = 151.358344... -> 151.358344 (rounded down); status normal.
        var account = Account([new Balance(Usdt, 10_000m), new Balance(Btc, 1m)], [new Position(BtcUsdt, 1m, 48_000m), new Position(EthUsdt, -10m, 3_000m)]);
        var result = UnifiedMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000), ("ETHUSDT", 3_100)), Binance());
        result.Report.Equity.Should().Be(58_500m);
        result.Report.MaintenanceMargin.Should().Be(386.5m);
        result.UniMmr.Should().Be(151.358344m);
        result.Status.Should().Be("normal");
        result.Assets.Single(a => a.AssetId == "USDT").Equity.Should().Be(11_000m);
    }

    [Theory]
    [InlineData(300, "warning")]      // 300 / 200 = 1.50: not above 150%
    [InlineData(250, "warning")]      // 1.25
    [InlineData(230, "reduce-only")]  // 1.15
    [InlineData(210, "liquidation")]  // 1.05: not above 105%
    [InlineData(400, "normal")]       // 2.00
    public void StatusLadder_ByUniMmr(decimal usdt, string status)
    {
        // BTCUSDT long 1 at 50,000, flat: MM 200 (bracket 2); equity = the USDT balance.
        var account = Account([new Balance(Usdt, usdt)], [new Position(BtcUsdt, 1m, 50_000m)]);
        UnifiedMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000)), Binance()).Status.Should().Be(status);
    }

    [Fact]
    public void NegativeAssetEquity_CountsInFull()
    {
        // USDT 100 with a -300 P&L (long 1 @ 50,300 marked 50,000): USDT equity -200 at 100%; BTC 1 x 50,000 x 0.95 = 47,500 -> 47,300.
        var account = Account([new Balance(Usdt, 100m), new Balance(Btc, 1m)], [new Position(BtcUsdt, 1m, 50_300m)]);
        UnifiedMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000)), Binance()).Report.Equity.Should().Be(47_300m);
    }
}
