using MarginEngine.Accounts;
using MarginEngine.Liquidation;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Liquidation;

public class AdlRankingTests
{
    private static Account Trader(string id, decimal usdt, decimal quantity, decimal entry) =>
        new(id, MarginMode.Cross, [new Balance(Usdt, usdt)], [new Position(BtcUsdt, quantity, entry)]);

    [Fact]
    public void LongsAndShortsRankedApart_ByPnlTimesEffectiveLeverage()
    {
        // Mark 50,000. Longs: A 1 @ 40,000 with 10,000: PnL% 0.25, pool 20,000, leverage 50,000 / 20,000 = 2.5 -> 0.625;
        // B 2 @ 45,000 with 5,000: PnL% 10,000 / 90,000 = 0.1111, leverage 100,000 / 15,000 = 6.667 -> 0.7407;
        // C 1 @ 55,000 with 20,000: PnL% -0.0909 at a loss, leverage 50,000 / 15,000 = 3.333 -> -0.0909 / 3.333 = -0.02727.
        // Order B, A, C: quantiles 1, 2/3, 1/3 -> buckets 5, 4, 2. Shorts: D 1 @ 60,000 with 1,000: PnL% 1/6, leverage
        // 50,000 / 11,000 -> 0.7576; E 3 @ 50,000: PnL 0 -> 0. Order D, E: quantiles 1, 1/2 -> buckets 5, 3.
        var accounts = new[] { Trader("A", 10_000m, 1m, 40_000m), Trader("B", 5_000m, 2m, 45_000m), Trader("C", 20_000m, 1m, 55_000m),
            Trader("D", 1_000m, -1m, 60_000m), Trader("E", 200_000m, -3m, 50_000m) };

        var ranks = AdlRanking.Rank(accounts, Market(("BTCUSDT", 50_000)), Profile());

        var longs = ranks.Where(r => r.Side == "long").ToArray();
        longs.Select(r => (r.AccountId, r.Rank, r.Bucket)).Should().Equal(("B", 1, 5), ("A", 2, 4), ("C", 3, 2));
        longs[0].Score.Should().BeApproximately(10_000.0 / 90_000 * 100_000 / 15_000, 1e-12);
        longs[1].Score.Should().BeApproximately(0.625, 1e-12);
        longs[2].Score.Should().BeApproximately(-5_000.0 / 55_000 / (50_000.0 / 15_000), 1e-12);
        longs[1].Quantile.Should().BeApproximately(2.0 / 3, 1e-12);
        var shorts = ranks.Where(r => r.Side == "short").ToArray();
        shorts.Select(r => (r.AccountId, r.Rank, r.Bucket)).Should().Equal(("D", 1, 5), ("E", 2, 3));
        shorts[0].Score.Should().BeApproximately(10_000.0 / 60_000 * 50_000 / 11_000, 1e-12);
    }

    [Fact]
    public void DuplicateAccount_IsTyped()
    {
        FluentActions.Invoking(() => AdlRanking.Rank([Trader("A", 1m, 1m, 1m), Trader("A", 1m, 1m, 1m)], Market(("BTCUSDT", 50_000)), Profile()))
            .Should().Throw<MarginEngine.Errors.InvalidMarginInputException>().Which.Field.Should().Be("accounts[A]");
    }
}
