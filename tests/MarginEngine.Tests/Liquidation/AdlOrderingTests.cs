using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Liquidation;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Liquidation;

/// <summary>The ADL queue's order (found by mutation testing: ties, the order of queues and a non-positive backing had no test).</summary>
public class AdlOrderingTests
{
    [Fact]
    public void Queues_ByInstrumentThenSide_TiesByAccountId_AndANegativeBalanceAtTheMaximumLeverage()
    {
        // Marks BTCUSDT 55,000, ETHUSDT 3,000; every account holds USDT (no haircut) and one position entered at 50,000 / 3,000.
        // a, b: long 1 BTC, 10,000 USDT: P&L +5,000 = 10 % of the entry value; backing 15,000; leverage 55,000 / 15,000;
        //       score 0.1 x 3.667 = 0.367 for both: the tie goes by account id, a first.
        // c:    short 1 BTC, 10,000 USDT: P&L -10 %, backing 5,000, leverage 11, score -0.1 / 11 = -0.00909.
        // e:    short 1 BTC, 1,000 USDT: backing 1,000 - 5,000 < 0: leverage capped at 1,000,000, score -1e-7, ahead of c.
        // d:    long 10 ETH at 3,000: its own queue, after BTCUSDT's two ("long" before "short").
        Account One(string id, decimal usdt, Position position) => new(id, MarginMode.Cross, [new Balance(Usdt, usdt)], [position]);
        var accounts = new[]
        {
            One("e", 1_000m, new Position(BtcUsdt, -1m, 50_000m)),
            One("b", 10_000m, new Position(BtcUsdt, 1m, 50_000m)),
            One("d", 10_000m, new Position(EthUsdt, 10m, 3_000m)),
            One("c", 10_000m, new Position(BtcUsdt, -1m, 50_000m)),
            One("a", 10_000m, new Position(BtcUsdt, 1m, 50_000m)),
        };
        var ranks = AdlRanking.Rank(accounts, Market(("BTCUSDT", 55_000), ("ETHUSDT", 3_000)), Profile());
        ranks.Select(r => (r.AccountId, r.InstrumentId, r.Side, r.Rank)).Should().Equal(
            ("a", "BTCUSDT", "long", 1), ("b", "BTCUSDT", "long", 2),
            ("e", "BTCUSDT", "short", 1), ("c", "BTCUSDT", "short", 2),
            ("d", "ETHUSDT", "long", 1));
        ranks[0].EffectiveLeverage.Should().BeApproximately(55_000.0 / 15_000, 1e-12);
        ranks[0].Score.Should().BeApproximately(0.1 * 55_000 / 15_000, 1e-12);
        ranks[2].EffectiveLeverage.Should().Be(AdlRanking.MaxEffectiveLeverage);
        ranks[3].Score.Should().BeApproximately(-0.1 / 11, 1e-12);
    }

    [Fact]
    public void Rank_RefusesNullsAndTwiceTheSameAccount()
    {
        var account = new Account("a", MarginMode.Cross, [new Balance(Usdt, 1m)], []);
        var market = Market();
        var twice = () => AdlRanking.Rank([account, account], market, Profile());
        twice.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "accounts[a]").WithMessage("*is given twice*");
        ((Action)(() => AdlRanking.Rank(null!, market, Profile()))).Should().Throw<ArgumentNullException>();
        ((Action)(() => AdlRanking.Rank([account], null!, Profile()))).Should().Throw<ArgumentNullException>();
        ((Action)(() => AdlRanking.Rank([account], market, null!))).Should().Throw<ArgumentNullException>();
    }
}
