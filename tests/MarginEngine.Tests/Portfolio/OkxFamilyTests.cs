using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Instruments;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Portfolio;

/// <summary>OKX risk units: MMR = max{ max(MR1, MR2, MR6) + MR4 + MR9, MR7 }, IMR = 1.3 x MMR.</summary>
public class OkxFamilyTests
{
    private static readonly double[] Mr1Moves = [-0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12];

    private static RiskUnitParameters OkxUnit(AddOnParameters addOns, IEnumerable<ExtremeMove>? extreme = null, IEnumerable<double>? moves = null) =>
        Unit(moves: moves ?? Mr1Moves, extreme: extreme, addOns: addOns);

    private static RiskUnitParameters Flat(AddOnParameters addOns) => Unit(moves: [0.0], vols: [VolState.Same], addOns: addOns);

    private static MarginEngine.Profiles.RiskProfile Okx(RiskUnitParameters unit) => Profile(unit, mmFactor: 1, imFactor: 1.3, family: MarginFamily.Okx);

    [Fact]
    public void Combination_TakesTheLargerOfGridAndExtremeThenAddsBasis()
    {
        // Long 1 BTC perpetual at 50,000. MR1 (±12% grid) = 6,000; MR6 (-30% at 50%) = 15,000 x 0.5 = 7,500 -> max 7,500.
        // MR4 basis 0.2% x 1 x 50,000 = 100. MR7 = 1% x 50,000 x 2 (tier from 40,000) = 1,000, below. MMR = 7,600; IMR = 9,880.
        var addOns = new AddOnParameters(Basis: 0.002, MinimumCharge: new MinimumChargeParameters(0.01, [new SizeTier(0, 1), new SizeTier(40_000, 2)]));
        var unit = Run(Okx(OkxUnit(addOns, [new ExtremeMove(-0.30, 0.5)])), Market([("BTCUSDT", 50_000)]), new Position(BtcUsdt, 1m, 50_000m)).Units.Single();
        unit.WorstCaseLoss.Should().BeApproximately(7_500, 1e-6);
        unit.MaintenanceMargin.Should().BeApproximately(7_600, 1e-6);
        unit.InitialMargin.Should().BeApproximately(9_880, 1e-6);
    }

    [Fact]
    public void MinimumCharge_WinsOnAFlatGrid()
    {
        // Flat grid: worst 0, basis 100; MR7 = 1% x 50,000 x 2 = 1,000 -> MMR 1,000.
        var addOns = new AddOnParameters(Basis: 0.002, MinimumCharge: new MinimumChargeParameters(0.01, [new SizeTier(0, 1), new SizeTier(40_000, 2)]));
        Run(Okx(Flat(addOns)), Market([("BTCUSDT", 50_000)]), new Position(BtcUsdt, 1m, 50_000m)).Units.Single()
            .MaintenanceMargin.Should().BeApproximately(1_000, 1e-6);
    }

    [Fact]
    public void StablecoinDepeg_ChargesTheCrossStablecoinHedgeMarginally()
    {
        // Long 1 BTC-USDT perpetual, short 1 BTC-USDC perpetual: per-settlement deltas +50,000 / -50,000 USD;
        // hedged = (100,000 - 0) / 2 = 50,000. Tiers 0.1% to 20,000, 0.5% above: 20 + 150 = 170.
        var usdc = new Asset("USDC", 2, isStablecoin: true);
        var btcUsdc = new Perpetual("BTCUSDC", Btc, usdc, Settlement.Linear);
        var market = new MarginEngine.MarketData.MarketSnapshot(Now,
            new Dictionary<string, double> { ["USDT"] = 1, ["USDC"] = 1, ["BTC"] = 50_000 },
            new Dictionary<string, double> { ["BTCUSDT"] = 50_000, ["BTCUSDC"] = 50_000 });
        var addOns = new AddOnParameters(StablecoinDepeg: [new DepegTier(0, 0.001), new DepegTier(20_000, 0.005)]);
        var unit = Run(Okx(Flat(addOns)), market, new Position(BtcUsdt, 1m, 50_000m), new Position(btcUsdc, -1m, 50_000m)).Units.Single();
        unit.MaintenanceMargin.Should().BeApproximately(170, 1e-6);
    }

    [Fact]
    public void ThetaDecay_OfALongCall_ByHand()
    {
        // Long 1 ATM call, F = K = 50,000, vol 60%: C(30 days) = 3,426.97036, C(29 days) = 3,369.50845 (C = F (2 N(σ√T/2) - 1)).
        // One day of decay costs 57.46191 (MR2); the flat grid loses nothing at vol same.
        var call = Option("C50", OptionRight.Call, 50_000m, 30);
        var unit = Run(Okx(Flat(new AddOnParameters(ThetaDecayDays: 1))), Market([("C50", 3_427)], [("C50", 0.6)]), new Position(call, 1m, 3_427m)).Units.Single();
        unit.AddOns.Single(a => a.Kind == MarginEngine.Results.AddOnKind.ThetaDecay).Amount.Should().BeApproximately(57.46191, 1e-4);
        unit.MaintenanceMargin.Should().BeApproximately(57.46191, 1e-4);
    }

    [Fact]
    public void Preset_HasSevenPointsThreeVolsAndTheExtremePair()
    {
        // methods.md §4: 7 points x 3 vols = 21, plus ±24% extremes = 23 scenarios; IMR = 1.3 x MMR.
        var portfolio = MarginEngine.Json.RiskProfilePresets.Get("okx").GetPortfolio();
        portfolio.For("BTC", "okx").Scenarios().Should().HaveCount(23);
        portfolio.InitialFactor.Should().Be(1.3);
        portfolio.Family.Should().Be(MarginFamily.Okx);
    }
}
