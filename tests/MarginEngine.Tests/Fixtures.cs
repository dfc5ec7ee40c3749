using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using NodaTime;

namespace MarginEngine.Tests;

/// <summary>Small, hand-checkable building blocks shared by the tests.</summary>
internal static class Fixtures
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 21, 0, 0);

    public static readonly Asset Usdt = new("USDT", 2, isStablecoin: true);
    public static readonly Asset Btc = new("BTC");
    public static readonly Asset Eth = new("ETH");

    public static readonly Perpetual BtcUsdt = new("BTCUSDT", Btc, Usdt, Settlement.Linear);
    public static readonly Perpetual EthUsdt = new("ETHUSDT", Eth, Usdt, Settlement.Linear);

    /// <summary>Inverse BTC perpetual, 100 USD per contract.</summary>
    public static readonly Perpetual BtcUsd = new("BTCUSD", Btc, Btc, Settlement.Inverse, 100m);

    /// <summary>Binance BTCUSDT, older table of methods.md §1: caps 50k/250k/1M/10M/..., mmr 0.4%/0.5%/1%/2.5%/...</summary>
    public static BracketSchedule BinanceBtcUsdt() => BracketSchedule.Create(
    [
        new(0m, 50_000m, 125m, 0.004m),
        new(50_000m, 250_000m, 100m, 0.005m),
        new(250_000m, 1_000_000m, 50m, 0.01m),
        new(1_000_000m, 10_000_000m, 20m, 0.025m),
        new(10_000_000m, 20_000_000m, 10m, 0.05m),
        new(20_000_000m, 50_000_000m, 5m, 0.10m),
        new(50_000_000m, 100_000_000m, 4m, 0.125m),
        new(100_000_000m, 200_000_000m, 3m, 0.15m),
        new(200_000_000m, 300_000_000m, 2m, 0.25m),
        new(300_000_000m, 500_000_000m, 1m, 0.50m),
    ]);

    /// <summary>Binance ETHUSDT, older table: caps 10k/100k/500k/1M/..., mmr 0.5%/0.65%/1%/2%/...</summary>
    public static BracketSchedule BinanceEthUsdt() => BracketSchedule.Create(
    [
        new(0m, 10_000m, 100m, 0.005m),
        new(10_000m, 100_000m, 75m, 0.0065m),
        new(100_000m, 500_000m, 50m, 0.01m),
        new(500_000m, 1_000_000m, 25m, 0.02m),
        new(1_000_000m, null, 10m, 0.05m),
    ]);

    /// <summary>Coin-denominated brackets for the inverse perpetual: [0, 5) BTC 0.4% 125x, [5, 10) 0.5% 100x, above 1% 50x.</summary>
    public static BracketSchedule InverseBtc() => BracketSchedule.Create(
    [
        new(0m, 5m, 125m, 0.004m),
        new(5m, 10m, 100m, 0.005m),
        new(10m, null, 50m, 0.01m),
    ]);

    public static RiskProfile Profile(FeePolicy? fees = null, OpenOrderPolicy? orders = null, MarginEngine.Profiles.PortfolioParameters? portfolio = null) => new(
        "test",
        new Dictionary<string, BracketSchedule> { ["BTCUSDT"] = BinanceBtcUsdt(), ["ETHUSDT"] = BinanceEthUsdt(), ["BTCUSD"] = InverseBtc() },
        new Dictionary<string, HaircutSchedule> { ["USDT"] = HaircutSchedule.Flat(1m), ["BTC"] = HaircutSchedule.Flat(0.95m), ["ETH"] = HaircutSchedule.Flat(0.9m) },
        new BorrowRates(0.10m, 0.02m),
        OptionMarginRates.Bybit,
        fees ?? FeePolicy.None,
        orders ?? OpenOrderPolicy.ReserveInitialOnly,
        portfolio);

    public static MarketSnapshot Market(params (string Id, double Mark)[] marks) => new(
        Now,
        new Dictionary<string, double> { ["USDT"] = 1.0, ["BTC"] = 50_000, ["ETH"] = 3_000 },
        marks.ToDictionary(m => m.Id, m => m.Mark));

    public static Account Account(IEnumerable<Balance> balances, IEnumerable<Position> positions, IEnumerable<OpenOrder>? orders = null) =>
        new("test", MarginMode.Cross, balances, positions, orders);
}
