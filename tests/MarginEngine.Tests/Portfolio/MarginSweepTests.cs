using MarginEngine.Accounts;
using MarginEngine.Portfolio;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Portfolio;

public class MarginSweepTests
{
    private static List<Account> Accounts(int count)
    {
        var random = new Random(99);
        return [.. Enumerable.Range(0, count).Select(i => new Account($"a{i}", MarginMode.Portfolio, [new Balance(Usdt, 10_000m)],
            [new Position(BtcUsdt, Math.Round((decimal)(random.NextDouble() * 4 - 2), 2) is var q && q != 0 ? q : 1m, 50_000m),
             new Position(Option("C55", MarginEngine.Instruments.OptionRight.Call, 55_000m, 30), random.Next(-3, 4) is var c && c != 0 ? c : 1, 1_000m)]))];
    }

    [Fact]
    public void Parallel_EqualsSequential_BitForBit()
    {
        var accounts = Accounts(200);
        var market = Market([("BTCUSDT", 50_000), ("C55", 1_000)], [("C55", 0.6)]);
        var profile = Profile(Unit());
        var sequential = MarginSweep.Run(accounts, market, profile, 1);
        var parallel = MarginSweep.Run(accounts, market, profile, 4);
        parallel.Should().Equal(sequential);
        sequential.Select(o => o.AccountId).Should().Equal(accounts.Select(a => a.Id));
    }

    [Fact]
    public void AnAccountWithBadInput_IsReportedNotFatal()
    {
        // The second account holds an option without a vol: its outcome carries the error; the first is computed.
        var market = Market([("BTCUSDT", 50_000), ("C55", 1_000)]);
        var accounts = new[]
        {
            Account([new Balance(Usdt, 1m)], [new Position(BtcUsdt, 1m, 50_000m)]),
            Account([new Balance(Usdt, 1m)], [new Position(Option("C55", MarginEngine.Instruments.OptionRight.Call, 55_000m, 30), 1m, 1_000m)]),
        };
        var outcomes = MarginSweep.Run(accounts, market, Profile(Unit()), 2);
        outcomes[0].Error.Should().BeNull();
        outcomes[0].Quote.InitialMargin.Should().BeApproximately(8_000, 1e-6); // 1 BTC x 50,000 x 16%
        outcomes[1].Error.Should().Contain("implied volatility").And.Contain("C55");
    }
}
