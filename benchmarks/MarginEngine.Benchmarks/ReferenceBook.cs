using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using NodaTime;

namespace MarginEngine.Benchmarks;

/// <summary>
/// The reference book of issue 5: 1,000 European options and 100 futures on 5 underlyings, seeded; and
/// its grid: 21 price points (±15% in 10 buckets) x 5 vol levels (full and half shocks up and down, unchanged).
/// </summary>
internal static class ReferenceBook
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 21, 0, 0);
    public static readonly string[] Underlyings = ["BTC", "ETH", "SOL", "XRP", "DOGE"];
    private static readonly double[] Spots = [95_000, 3_100, 140, 2.2, 0.35];

    public static (Account Account, MarketSnapshot Market) Build(int options, int futures, int seed, bool inverseOptions = false)
    {
        var random = new Random(seed);
        var usdt = new Asset("USDT", 2, isStablecoin: true);
        var coins = Underlyings.Select(id => new Asset(id)).ToArray();
        var index = new Dictionary<string, double> { ["USDT"] = 1.0 };
        var marks = new Dictionary<string, double>();
        var vols = new Dictionary<string, double>();
        for (var u = 0; u < coins.Length; u++)
            index[coins[u].Id] = Spots[u];

        var positions = new List<Position>(options + futures);
        for (var i = 0; i < options; i++)
        {
            var u = i % coins.Length;
            var spot = Spots[u];
            var strike = Math.Round((decimal)(spot * (0.6 + random.NextDouble() * 0.8)), 4);
            var expiry = Now.Plus(Duration.FromHours(24 * (2 + random.Next(180))));
            var right = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            var inverse = inverseOptions && u < 2;
            var option = new EuropeanOption($"{coins[u].Id}-O{i}", coins[u], inverse ? coins[u] : usdt, inverse ? Settlement.Inverse : Settlement.Linear,
                right, strike, expiry);
            marks[option.Id] = inverse ? 0.02 : spot * 0.03;
            vols[option.Id] = 0.35 + random.NextDouble() * 0.6;
            var quantity = Math.Round((decimal)(random.NextDouble() * 20 - 10), 1);
            positions.Add(new Position(option, quantity == 0 ? 1m : quantity, (decimal)marks[option.Id]));
        }

        for (var i = 0; i < futures; i++)
        {
            var u = i % coins.Length;
            Instrument future = i % 2 == 0
                ? new Perpetual($"{coins[u].Id}-PERP{i}", coins[u], usdt, Settlement.Linear)
                : new Future($"{coins[u].Id}-F{i}", coins[u], usdt, Settlement.Linear, Now.Plus(Duration.FromDays(30 + random.Next(150))));
            marks[future.Id] = Spots[u] * (1 + (random.NextDouble() - 0.5) * 0.01);
            var quantity = Math.Round((decimal)((random.NextDouble() * 20 - 10) * 1_000 / Spots[u]), 4);
            positions.Add(new Position(future, quantity == 0 ? 1m : quantity, (decimal)marks[future.Id]));
        }

        var account = new Account("reference", MarginMode.Portfolio, [new Balance(usdt, 10_000_000m)], positions);
        return (account, new MarketSnapshot(Now, index, marks, vols));
    }

    /// <summary>21 price points x 5 vol levels, USD units, no add-ons; IM = risk-matrix margin.</summary>
    public static RiskProfile Profile()
    {
        var unit = new RiskUnitParameters(PriceGrid.Symmetric(0.15, 10), 0.15, [], new MarginEngine.Scenarios.VolShock(0.5, 0.25),
            volLevels: [1.0, 0.5, 0.0, -0.5, -1.0]);
        return new RiskProfile("reference", new Dictionary<string, MarginEngine.Brackets.BracketSchedule>(),
            new Dictionary<string, HaircutSchedule> { ["USDT"] = HaircutSchedule.Flat(1m) }, new BorrowRates(0m, 0m),
            OptionMarginRates.Bybit, FeePolicy.None, OpenOrderPolicy.ReserveInitialOnly,
            new PortfolioParameters(MarginFamily.RiskMatrix, new Dictionary<string, RiskUnitParameters>(), unit, 1.0, null, new CrossUnitAggregation.NoOffset()));
    }
}
