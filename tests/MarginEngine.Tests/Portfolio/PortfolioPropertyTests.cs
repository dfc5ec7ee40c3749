using MarginEngine.Accounts;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Results;
using MarginEngine.Scenarios;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Portfolio;

/// <summary>What must hold for any book: seeded random BTC books of perpetuals, futures and options (linear and inverse).</summary>
public class PortfolioPropertyTests
{
    private static readonly ExtendedMove[] Extended = [new(-0.66), new(-0.33), new(0.5), new(1), new(2)];

    private static (Position[] Positions, MarketSnapshot Market) RandomBook(int seed)
    {
        var random = new Random(seed);
        var marks = new List<(string, double)> { ("BTCUSDT", 50_000), ("BTCUSD", 50_000), ("BTCUSDT-F", 50_500) };
        var vols = new List<(string, double)>();
        var positions = new List<Position>
        {
            new(BtcUsdt, Math.Round((decimal)(random.NextDouble() * 4 - 2), 3) is var q && q != 0 ? q : 1m, 50_000m),
            new(BtcUsd, random.Next(-2_000, 2_000) is var c && c != 0 ? c : 100, 50_000m),
            new(DatedFuture(45), Math.Round((decimal)(random.NextDouble() * 4 - 2), 3) is var f && f != 0 ? f : -1m, 50_500m),
        };
        for (var i = 0; i < 6; i++)
        {
            var right = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            var strike = 5_000m * random.Next(6, 15);
            var days = random.Next(2, 120);
            var settlement = random.Next(2) == 0 ? Settlement.Linear : Settlement.Inverse;
            var option = Option($"O{i}", right, strike, days, settlement);
            marks.Add((option.Id, settlement == Settlement.Linear ? 1_000 : 0.02));
            vols.Add((option.Id, 0.4 + random.NextDouble() * 0.6));
            var quantity = Math.Round((decimal)(random.NextDouble() * 6 - 3), 2);
            positions.Add(new Position(option, quantity == 0 ? 1m : quantity, settlement == Settlement.Linear ? 1_000m : 0.02m));
        }

        return ([.. positions], Market(marks, vols));
    }

    private static double Margin(Position[] positions, MarketSnapshot market, AddOnParameters? addOns = null, UnitCurrency currency = UnitCurrency.Usd) =>
        Run(Profile(Unit(currency, extended: Extended, addOns: addOns)), market, positions).Units.Sum(u => u.RiskMatrixMargin);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Margin_IsTheWorstCountedLossPlusItsAddOns_AndNeverNegative(int seed)
    {
        // The breakdown explains the figure (methodology §Portfolio, risk-matrix family): WCL = max(0, -lowest counted cell),
        // RM = WCL + every additive add-on (roll shock, delta shock, short-option and futures contingencies), so RM >= 0 because
        // each part is. Checked on the unit's own reported cells and add-ons, in USD and coin units.
        var (positions, market) = RandomBook(seed);
        var addOns = new AddOnParameters(new RollShockParameters(0.075, 0.01), new DeltaShockParameters(1_000_000, 0.1, 0.05), 0.01, 0.006);
        foreach (var currency in new[] { UnitCurrency.Usd, UnitCurrency.Coin })
        {
            var unit = Run(Profile(Unit(currency, extended: Extended, addOns: addOns)), market, positions).Units.Single();
            unit.WorstCaseLoss.Should().Be(Math.Max(0, -unit.Scenarios.Min(c => c.PnL)));
            unit.AddOns.Should().OnlyContain(a => a.Amount >= 0);
            unit.RiskMatrixMargin.Should().BeApproximately(unit.WorstCaseLoss + unit.AddOns.Sum(a => a.Amount), 1e-9 * Math.Max(1, unit.RiskMatrixMargin));
            unit.RiskMatrixMargin.Should().BeGreaterThan(0, "a random book of shorts and longs loses in some cell");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void AddingAFullHedge_NeverRaisesMargin(int seed)
    {
        // The hedge holds every leg negated in twin instruments (same terms, marks and vols, other ids): the hedged book
        // has zero P&L in every cell and zero net delta per expiry. Net-based add-ons only: gross-based ones may rise.
        var (positions, market) = RandomBook(seed);
        var hedge = positions.Select(p => new Position(Twin(p.Instrument), -p.Quantity, p.EntryPrice)).ToArray();
        var hedgedMarket = new MarketSnapshot(market.ValuationTime, market.IndexPrices,
            market.MarkPrices.Concat(market.MarkPrices.Select(m => KeyValuePair.Create("H-" + m.Key, m.Value))),
            market.ImpliedVolatilities.Concat(market.ImpliedVolatilities.Select(v => KeyValuePair.Create("H-" + v.Key, v.Value))));
        var addOns = new AddOnParameters(new RollShockParameters(0.075, 0.01), new DeltaShockParameters(1_000_000, 0.1, 0.05));
        var unhedged = Margin(positions, market, addOns);
        var hedged = Margin([.. positions, .. hedge], hedgedMarket, addOns);
        hedged.Should().BeLessThanOrEqualTo(unhedged);
        hedged.Should().BeApproximately(0, 1e-6);
    }

    private static Instrument Twin(Instrument instrument) => instrument switch
    {
        Perpetual p => new Perpetual("H-" + p.Id, p.Underlying, p.SettlementAsset, p.Settlement, p.ContractSize),
        Future f => new Future("H-" + f.Id, f.Underlying, f.SettlementAsset, f.Settlement, f.Expiry, f.ContractSize),
        EuropeanOption o => new EuropeanOption("H-" + o.Id, o.Underlying, o.SettlementAsset, o.Settlement, o.Right, o.Strike, o.Expiry, o.ContractSize),
        _ => throw new ArgumentOutOfRangeException(nameof(instrument)),
    };

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void PortfolioMargin_IsAtMostTheSumOfEachLegAlone(int seed)
    {
        // Under the same grid, the worst of a sum is no worse than the sum of the worsts.
        var (positions, market) = RandomBook(seed);
        var alone = positions.Sum(p => Margin([p], market));
        Margin(positions, market).Should().BeLessThanOrEqualTo(alone + 1e-6);
    }

    [Theory]
    [InlineData(31, 3)]
    [InlineData(32, 0.5)]
    public void ScenarioLoss_ScalesLinearlyWithQuantity(int seed, double k)
    {
        var (positions, market) = RandomBook(seed);
        var scaled = positions.Select(p => p.WithQuantity(p.Quantity * (decimal)k)).ToArray();
        Margin(scaled, market).Should().BeApproximately(k * Margin(positions, market), 1e-9 * Margin(scaled, market) + 1e-9);
    }

    [Fact]
    public void Results_AreIdenticalAcrossRunsAndThreads()
    {
        var (positions, market) = RandomBook(41);
        var profile = Profile(Unit(extended: Extended));
        var reference = Serialise(Run(profile, market, positions));
        var results = new string[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = Serialise(Run(profile, market, positions)));
        results.Should().AllBe(reference);
    }

    private static string Serialise(PortfolioMarginResult result) =>
        string.Join(";", result.Units.SelectMany(u => u.Scenarios.Select(s => BitConverter.DoubleToInt64Bits(s.PnL).ToString()))) + result.Report;
}
