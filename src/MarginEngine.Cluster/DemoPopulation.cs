using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using NodaTime;

namespace MarginEngine.Cluster;

/// <summary>The generated population `load` stores: BTC and ETH perpetuals and options, USDT and BTC collateral, a ±16% grid.</summary>
internal static class DemoPopulation
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 21, 0, 0);
    public static readonly Asset Usdt = new("USDT", 2, isStablecoin: true);
    private static readonly Asset Btc = new("BTC");
    private static readonly Asset Eth = new("ETH");

    public static readonly Instrument[] Instruments =
    [
        new Perpetual("BTCUSDT", Btc, Usdt, Settlement.Linear),
        new Perpetual("ETHUSDT", Eth, Usdt, Settlement.Linear),
        new EuropeanOption("BTC-C55", Btc, Usdt, Settlement.Linear, OptionRight.Call, 55_000m, Now.Plus(Duration.FromDays(30))),
        new EuropeanOption("BTC-P45", Btc, Usdt, Settlement.Linear, OptionRight.Put, 45_000m, Now.Plus(Duration.FromDays(60))),
        new EuropeanOption("ETH-C33", Eth, Usdt, Settlement.Linear, OptionRight.Call, 3_300m, Now.Plus(Duration.FromDays(30))),
    ];

    public static string AccountId(int i) => $"acct-{i:D7}";

    /// <summary>Accounts <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1.</summary>
    public static List<Account> Accounts(int count, int from = 0) => [.. Enumerable.Range(from, count).Select(Account)];

    /// <summary>The snapshot with BTC and ETH moved by <paramref name="move"/> from 50,000 and 3,000.</summary>
    public static MarketSnapshot Market(double move)
    {
        var (btc, eth) = (50_000 * (1 + move), 3_000 * (1 + move));
        return new MarketSnapshot(Now,
            new Dictionary<string, double> { ["USDT"] = 1.0, ["BTC"] = btc, ["ETH"] = eth },
            new Dictionary<string, double> { ["BTCUSDT"] = btc, ["ETHUSDT"] = eth, ["BTC-C55"] = 1_000, ["BTC-P45"] = 900, ["ETH-C33"] = 60 },
            new Dictionary<string, double> { ["BTC-C55"] = 0.6, ["BTC-P45"] = 0.7, ["ETH-C33"] = 0.65 });
    }

    public static RiskProfile Profile()
    {
        var unit = new RiskUnitParameters(PriceGrid.Symmetric(0.16, 4), 0.16, [VolState.Up, VolState.Same, VolState.Down], new VolShock(0.5, 0.25));
        return new RiskProfile("cluster-demo", new Dictionary<string, BracketSchedule>(),
            new Dictionary<string, HaircutSchedule> { ["USDT"] = HaircutSchedule.Flat(1m), ["BTC"] = HaircutSchedule.Flat(0.95m) },
            new BorrowRates(0m, 0m), OptionMarginRates.Bybit, FeePolicy.None, OpenOrderPolicy.ReserveInitialOnly,
            new PortfolioParameters(MarginFamily.RiskMatrix, new Dictionary<string, RiskUnitParameters>(), unit, 0.8, null, new CrossUnitAggregation.NoOffset()));
    }

    public static IEnumerable<Asset> Assets => [Usdt, Btc, Eth];

    /// <summary>Account <paramref name="i"/>, the same for the same index on every run.</summary>
    public static Account Account(int i)
    {
        var random = new Random(i * 7919 + 17);
        decimal Quantity(double scale) => Math.Round((decimal)((random.NextDouble() * 2 - 1) * scale), 3) is var q && q != 0 ? q : 0.001m;
        return new Account(AccountId(i), MarginMode.Portfolio,
            [new Balance(Usdt, Math.Round((decimal)(random.NextDouble() * 20_000), 2)), new Balance(Btc, Math.Round((decimal)(random.NextDouble() * 0.5), 4))],
            [
                new Position(Instruments[0], Quantity(2), 50_000m),
                new Position(Instruments[1], Quantity(20), 3_000m),
                new Position(Instruments[2 + random.Next(3)], Quantity(5), 800m),
            ]);
    }
}
