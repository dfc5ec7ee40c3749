using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using NodaTime;

namespace MarginEngine.Orleans.Tests;

/// <summary>A seeded population: BTC and ETH perpetuals and options, USDT and BTC collateral, a ±16% grid with vol shocks.</summary>
internal static class Population
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 21, 0, 0);
    public static readonly Asset Usdt = new("USDT", 2, isStablecoin: true);
    public static readonly Asset Btc = new("BTC");
    public static readonly Asset Eth = new("ETH");
    public static readonly Perpetual BtcPerp = new("BTCUSDT", Btc, Usdt, Settlement.Linear);
    public static readonly Perpetual EthPerp = new("ETHUSDT", Eth, Usdt, Settlement.Linear);

    public static readonly EuropeanOption[] Options =
    [
        new("BTC-C55", Btc, Usdt, Settlement.Linear, OptionRight.Call, 55_000m, Now.Plus(Duration.FromDays(30))),
        new("BTC-P45", Btc, Usdt, Settlement.Linear, OptionRight.Put, 45_000m, Now.Plus(Duration.FromDays(60))),
        new("ETH-C33", Eth, Usdt, Settlement.Linear, OptionRight.Call, 3_300m, Now.Plus(Duration.FromDays(30))),
    ];

    public static IReadOnlyList<Instrument> Instruments => [BtcPerp, EthPerp, .. Options];

    public static MarketSnapshot Market(double btc = 50_000, double eth = 3_000) => new(
        Now,
        new Dictionary<string, double> { ["USDT"] = 1.0, ["BTC"] = btc, ["ETH"] = eth },
        new Dictionary<string, double> { ["BTCUSDT"] = btc, ["ETHUSDT"] = eth, ["BTC-C55"] = 1_000, ["BTC-P45"] = 900, ["ETH-C33"] = 60 },
        new Dictionary<string, double> { ["BTC-C55"] = 0.6, ["BTC-P45"] = 0.7, ["ETH-C33"] = 0.65 });

    public static RiskProfile Profile()
    {
        var unit = new RiskUnitParameters(PriceGrid.Symmetric(0.16, 4), 0.16, [VolState.Up, VolState.Same, VolState.Down], new VolShock(0.5, 0.25));
        return new RiskProfile("cluster-test", new Dictionary<string, BracketSchedule>(),
            new Dictionary<string, HaircutSchedule> { ["USDT"] = HaircutSchedule.Flat(1m), ["BTC"] = HaircutSchedule.Flat(0.95m) },
            new BorrowRates(0m, 0m), OptionMarginRates.Bybit, FeePolicy.None, OpenOrderPolicy.ReserveInitialOnly,
            new PortfolioParameters(MarginFamily.RiskMatrix, new Dictionary<string, RiskUnitParameters>(), unit, 0.8, null, new CrossUnitAggregation.NoOffset()));
    }

    /// <summary><paramref name="count"/> accounts drawn from <paramref name="seed"/>; every 97th holds an option without a vol-free twin (still valid).</summary>
    public static List<Account> Accounts(int count, int seed = 11)
    {
        var random = new Random(seed);
        decimal Quantity(double scale) => Math.Round((decimal)((random.NextDouble() * 2 - 1) * scale), 3) is var q && q != 0 ? q : 0.001m;
        return [.. Enumerable.Range(0, count).Select(i => new Account($"acct-{i:D5}", MarginMode.Portfolio,
            [new Balance(Usdt, Math.Round((decimal)(random.NextDouble() * 20_000), 2)), new Balance(Btc, Math.Round((decimal)(random.NextDouble() * 0.5), 4))],
            [
                new Position(BtcPerp, Quantity(2), 50_000m),
                new Position(EthPerp, Quantity(20), 3_000m),
                new Position(Options[random.Next(Options.Length)], Quantity(5), 800m),
            ]))];
    }
}
