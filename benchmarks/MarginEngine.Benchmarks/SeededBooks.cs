using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using NodaTime;

namespace MarginEngine.Benchmarks;

/// <summary>Builds reproducible books from a seed: linear and inverse perpetuals on many coins, a few short options.</summary>
internal static class SeededBooks
{
    public static (Account Account, MarketSnapshot Market, RiskProfile Profile) Cross(int positions, int seed)
    {
        var random = new Random(seed);
        var now = Instant.FromUtc(2026, 11, 21, 0, 0);
        var usdt = new Asset("USDT", 2, isStablecoin: true);
        var index = new Dictionary<string, double> { ["USDT"] = 1.0 };
        var marks = new Dictionary<string, double>();
        var brackets = new Dictionary<string, BracketSchedule>();
        var haircuts = new Dictionary<string, HaircutSchedule> { ["USDT"] = HaircutSchedule.Flat(1m) };
        var schedule = BracketSchedule.Create(
        [
            new(0m, 50_000m, 125m, 0.004m), new(50_000m, 250_000m, 100m, 0.005m), new(250_000m, 1_000_000m, 50m, 0.01m),
            new(1_000_000m, 10_000_000m, 20m, 0.025m), new(10_000_000m, null, 10m, 0.05m),
        ]);
        var coinSchedule = BracketSchedule.Create([new(0m, 5m, 125m, 0.004m), new(5m, 10m, 100m, 0.005m), new(10m, null, 50m, 0.01m)]);

        var list = new List<Position>(positions);
        var balances = new List<Balance> { new(usdt, 5_000_000m) };
        for (var i = 0; i < positions; i++)
        {
            var coin = new Asset($"C{i}");
            var price = Math.Round(10 + random.NextDouble() * 50_000, 2);
            index[coin.Id] = price;
            haircuts[coin.Id] = HaircutSchedule.Flat(0.9m);
            var side = random.Next(2) == 0 ? -1m : 1m;
            var entry = (decimal)Math.Round(price * (0.9 + random.NextDouble() * 0.2), 2);
            Instrument instrument;
            decimal quantity;
            if (i % 10 == 9)
            {
                instrument = new Perpetual($"C{i}USD", coin, coin, Settlement.Inverse, 10m);
                brackets[instrument.Id] = coinSchedule;
                quantity = side * random.Next(1, 500);
            }
            else
            {
                instrument = new Perpetual($"C{i}USDT", coin, usdt, Settlement.Linear);
                brackets[instrument.Id] = schedule;
                quantity = side * (decimal)Math.Round(1 + random.NextDouble() * 20_000 / price, 4);
            }

            marks[instrument.Id] = price;
            list.Add(new Position(instrument, quantity, entry, leverage: random.Next(1, 50)));
        }

        var profile = new RiskProfile("bench", brackets, haircuts, new BorrowRates(0.1m, 0.02m), OptionMarginRates.Bybit,
            new FeePolicy(0.0005m, true, true), OpenOrderPolicy.ReserveInitialOnly);
        return (new Account("bench", MarginMode.Cross, balances, list), new MarketSnapshot(now, index, marks), profile);
    }
}
