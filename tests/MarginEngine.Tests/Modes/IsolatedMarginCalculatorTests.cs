using MarginEngine.Accounts;
using MarginEngine.Modes;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Modes;

public class IsolatedMarginCalculatorTests
{
    [Fact]
    public void Position_ImMmAndPricesByHand()
    {
        // 1 BTC short at 50,000, margin 5,000, mark 52,000: notional 52,000 -> bracket 2 (100x, 0.5%, cum 50).
        // IM = 520; MM = 260 - 50 = 210; uPnL = -2,000; margin balance 3,000;
        // LP (bracket 2) = (5,000 + 50 + 50,000) / 1.005 = 54,776.1194 (rounded down for a short); bankruptcy 55,000.
        var line = IsolatedMarginCalculator.Calculate(new Position(BtcUsdt, -1m, 50_000m, isolatedMargin: 5_000m), Market(("BTCUSDT", 52_000)), Profile());
        line.InitialMargin.Should().Be(520m);
        line.MaintenanceMargin.Should().Be(210m);
        line.UnrealisedPnl.Should().Be(-2_000m);
        line.MarginBalance.Should().Be(3_000m);
        line.LiquidationPrice.Should().Be(54_776.1194m);
        line.BankruptcyPrice.Should().Be(55_000m);
        line.BracketTier.Should().Be(2);
    }

    [Fact]
    public void Account_EveryPerpetualAlone_ProfitsAreNotAvailableToThePool()
    {
        // 10,000 USDT; BTC long 1 @ 48,000 marked 50,000 (+2,000), leverage 10 -> IM 5,000 taken from the pool.
        // Isolated: pool balance 10,000 - 5,000 = 5,000; pool IM 0 -> available 5,000 (the +2,000 stays with the position).
        // Cross: pool balance 12,000, IM 5,000 -> available 7,000.
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 48_000m, leverage: 10m)]);
        var market = Market(("BTCUSDT", 50_000));
        IsolatedMarginCalculator.Calculate(account, market, Profile()).AvailableBalance.Should().Be(5_000m);
        CrossMarginCalculator.Calculate(account, market, Profile()).AvailableBalance.Should().Be(7_000m);
    }

    [Fact]
    public void Leverage_AboveTheBracketMaximum_IsCappedAtIt()
    {
        // 300,000 notional is bracket 3 (max 50x): a chosen 100x counts as 50x -> IM 6,000.
        var line = IsolatedMarginCalculator.Calculate(new Position(BtcUsdt, 6m, 50_000m, isolatedMargin: 10_000m, leverage: 100m), Market(("BTCUSDT", 50_000)), Profile());
        line.Leverage.Should().Be(50m);
        line.InitialMargin.Should().Be(6_000m);
    }
}
