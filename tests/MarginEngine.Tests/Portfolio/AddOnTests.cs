using MarginEngine.Accounts;
using MarginEngine.Instruments;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Portfolio;

/// <summary>Each add-on alone, on a grid of one flat scenario (move 0, vol same) so the worst case is 0 and the add-on is the whole margin.</summary>
public class AddOnTests
{
    private static RiskUnitParameters Flat(AddOnParameters addOns) => Unit(moves: [0.0], vols: [VolState.Same], addOns: addOns);

    private static readonly MarginEngine.MarketData.MarketSnapshot Prices = Market(
        [("BTCUSDT", 50_000), ("BTCUSDT-F", 50_000), ("C55", 1_000), ("C55b", 1_000), ("P45", 1_000)],
        [("C55", 0.6), ("C55b", 0.6), ("P45", 0.6)]);

    [Fact]
    public void DeltaShock_ByHand()
    {
        // Long 100 BTC: |Δ| x index = 5,000,000. min(5% x 5,000,000, 10% x (5,000,000 - 1,000,000)) = min(250,000, 400,000) = 250,000.
        var unit = Run(Profile(Flat(new AddOnParameters(DeltaShock: new DeltaShockParameters(1_000_000, 0.10, 0.05)))), Prices,
            new Position(BtcUsdt, 100m, 50_000m)).Units.Single();
        unit.RiskMatrixMargin.Should().BeApproximately(250_000, 1e-6);
    }

    [Fact]
    public void ShortOptionContingency_CountsNakedShortsPerStrike()
    {
        // Short 2 and long 0.5 of the same 55,000 call: 1.5 naked; short 1 put 45,000: 1 naked. 1% x 2.5 x 50,000 = 1,250.
        var call = Option("C55", OptionRight.Call, 55_000m, 30);
        var put = Option("P45", OptionRight.Put, 45_000m, 30);
        var sameCallAgain = Option("C55b", OptionRight.Call, 55_000m, 30);
        var unit = Run(Profile(Flat(new AddOnParameters(ShortOptionContingency: 0.01))), Prices,
            new Position(call, -2m, 1_000m), new Position(sameCallAgain, 0.5m, 1_000m), new Position(put, -1m, 1_000m)).Units.Single();
        unit.RiskMatrixMargin.Should().BeApproximately(1_250, 1e-6);
    }

    [Fact]
    public void FuturesContingency_OnGrossSize()
    {
        // Long 1 perpetual, short 2 futures: 0.6% x (1 + 2) x 50,000 = 900.
        var unit = Run(Profile(Flat(new AddOnParameters(FuturesContingency: 0.006))), Prices,
            new Position(BtcUsdt, 1m, 50_000m), new Position(DatedFuture(60), -2m, 50_000m)).Units.Single();
        unit.RiskMatrixMargin.Should().BeApproximately(900, 1e-6);
    }

    [Fact]
    public void ShortOptionContingency_NettedAcrossRightsAtAStrike()
    {
        // Deribit's wording, per net short option per strike: short 2 calls 55,000 and long 1.5 puts 55,000 of one expiry net
        // to 0.5 short; a short put 45,000 adds 1. 1% x (0.5 + 1) x 50,000 = 750 (per series it would be (2 + 1) x 500 = 1,500).
        var call = Option("C55", OptionRight.Call, 55_000m, 30);
        var putAtCallStrike = Option("C55b", OptionRight.Put, 55_000m, 30);
        var put = Option("P45", OptionRight.Put, 45_000m, 30);
        Position[] book = [new(call, -2m, 1_000m), new(putAtCallStrike, 1.5m, 1_000m), new(put, -1m, 1_000m)];
        var netted = new AddOnParameters(ShortOptionContingency: 0.01, ShortOptionNetting: ShortOptionNetting.AcrossRightsAtStrike);
        Run(Profile(Flat(netted)), Prices, book).Units.Single().RiskMatrixMargin.Should().BeApproximately(750, 1e-6);
        Run(Profile(Flat(new AddOnParameters(ShortOptionContingency: 0.01))), Prices, book).Units.Single().RiskMatrixMargin.Should().BeApproximately(1_500, 1e-6);
    }

    [Fact]
    public void FuturesContingency_OnTheOffsettingAmountOnly()
    {
        // Long 1 perpetual, short 2 futures: gross 3, net -1, offsetting (3 - 1) / 2 = 1. 1% x 1 x 50,000 = 500.
        var parameters = new AddOnParameters(FuturesContingency: 0.01, FuturesContingencyBasis: FuturesContingencyBasis.Offsetting);
        var unit = Run(Profile(Flat(parameters)), Prices, new Position(BtcUsdt, 1m, 50_000m), new Position(DatedFuture(60), -2m, 50_000m)).Units.Single();
        unit.RiskMatrixMargin.Should().BeApproximately(500, 1e-6);
    }

    [Fact]
    public void GrossOptionContingency_OnEveryOption()
    {
        // Deribit's older method, 1% of the underlying of all options: short 2 calls + long 0.5 call + short 1 put = 3.5 coins.
        // 1% x 3.5 x 50,000 = 1,750, and it shows as its own typed line.
        var call = Option("C55", OptionRight.Call, 55_000m, 30);
        var sameCallAgain = Option("C55b", OptionRight.Call, 55_000m, 30);
        var put = Option("P45", OptionRight.Put, 45_000m, 30);
        var unit = Run(Profile(Flat(new AddOnParameters(GrossOptionContingency: 0.01))), Prices,
            new Position(call, -2m, 1_000m), new Position(sameCallAgain, 0.5m, 1_000m), new Position(put, -1m, 1_000m)).Units.Single();
        unit.RiskMatrixMargin.Should().BeApproximately(1_750, 1e-6);
        unit.AddOns.Single().Kind.Should().Be(MarginEngine.Results.AddOnKind.GrossOptionContingency);
    }

    [Fact]
    public void LossFactors_ScaleTheWorstLossOnly_AndEachAddOnCountsWhereItsWeightsSay()
    {
        // Long 1 perpetual, moves ±10%: worst loss 5,000. Futures contingency 1% x 1 x 50,000 = 500, weighted 0.5 in MM and
        // 1 in IM (Derive: MM percent 0.5%, IM total 1%). Loss factors 0.8 / 1.0:
        // MM = 0.8 x 5,000 + 0.5 x 500 = 4,250; IM = 1.0 x 5,000 + 1 x 500 = 5,500.
        // The scaled relation (MM = 0.8 x risk-matrix margin) would give MM 0.8 x 5,500 = 4,400: the add-on scaled too.
        var addOns = new AddOnParameters(FuturesContingency: 0.01,
            Weights: new Dictionary<MarginEngine.Results.AddOnKind, AddOnWeights> { [MarginEngine.Results.AddOnKind.FuturesContingency] = new(0.5, 1) });
        var unit = Unit(moves: [-0.1, 0, 0.1], vols: [VolState.Same], addOns: addOns);
        var scaled = Profile(unit);
        var derive = scaled with { Portfolio = scaled.Portfolio! with { LossFactors = new LossFactors(0.8, 1.0) } };
        var position = new Position(BtcUsdt, 1m, 50_000m);

        var result = Run(derive, Prices, position);
        (result.Units.Single().MaintenanceMargin, result.Units.Single().InitialMargin).Should().Be((4_250, 5_500));
        (result.Report.MaintenanceMargin, result.Report.InitialMargin).Should().Be((4_250m, 5_500m));
        var quote = PortfolioMarginCalculator.Quote(Account([new(Usdt, 100_000m)], [position]), Prices, derive);
        (quote.MaintenanceMargin, quote.InitialMargin).Should().Be((4_250, 5_500));
        Run(scaled, Prices, position).Report.MaintenanceMargin.Should().Be(4_400m);
    }

    [Fact]
    public void LossFactors_StablecoinDepeg_RaisesTheImFactorOnly()
    {
        // The case above (worst 5,000, a 500 contingency weighted 0.5 / 1, factors 0.8 / 1.0) with Derive's depeg on USDC,
        // threshold 0.99, factor 4. USDC at 0.98: f_IM = 1.0 + (0.99 - 0.98) x 4 = 1.04 -> IM = 1.04 x 5,000 + 500 = 5,700;
        // MM stays 0.8 x 5,000 + 250 = 4,250. USDC at 1.00 (above the threshold): IM 5,500.
        var addOns = new AddOnParameters(FuturesContingency: 0.01,
            Weights: new Dictionary<MarginEngine.Results.AddOnKind, AddOnWeights> { [MarginEngine.Results.AddOnKind.FuturesContingency] = new(0.5, 1) });
        var scaled = Profile(Unit(moves: [-0.1, 0, 0.1], vols: [VolState.Same], addOns: addOns));
        var derive = scaled with
        {
            Portfolio = scaled.Portfolio! with { LossFactors = new LossFactors(0.8, 1.0) { Depeg = new StablecoinDepegFactor("USDC", 0.99, 4) } },
        };
        MarginEngine.MarketData.MarketSnapshot At(double usdc) => new(Now,
            new Dictionary<string, double> { ["USDT"] = 1, ["USDC"] = usdc, ["BTC"] = 50_000 }, new Dictionary<string, double> { ["BTCUSDT"] = 50_000 });
        var position = new Position(BtcUsdt, 1m, 50_000m);

        var depegged = Run(derive, At(0.98), position).Report;
        (depegged.MaintenanceMargin, depegged.InitialMargin).Should().Be((4_250m, 5_700m));
        Run(derive, At(1.0), position).Report.InitialMargin.Should().Be(5_500m);
        PortfolioMarginCalculator.Quote(Account([new(Usdt, 100_000m)], [position]), At(0.98), derive).InitialMargin.Should().BeApproximately(5_700, 1e-9);
    }

    [Fact]
    public void OracleContingency_ImOnly_BelowTheConfidenceThreshold()
    {
        // Derive §5.4: confidence 0.5 < 0.55, margin 1: (1 - 0.5) x 1 x (1 BTC perpetual x 50,000) = 25,000, IM only.
        // Flat grid (no loss), loss factors 0.8 / 1: MM 0, IM 25,000. At confidence 0.6 (not below 0.55): nothing.
        var oracle = Profile(Flat(new AddOnParameters(OracleContingency: new OracleContingencyParameters(0.55, 1))));
        var derive = oracle with { Portfolio = oracle.Portfolio! with { LossFactors = new LossFactors(0.8, 1) } };
        MarginEngine.MarketData.MarketSnapshot At(double confidence) => new(Now,
            new Dictionary<string, double> { ["USDT"] = 1, ["BTC"] = 50_000 }, new Dictionary<string, double> { ["BTCUSDT"] = 50_000 },
            confidences: [KeyValuePair.Create("BTC", confidence)]);
        var position = new Position(BtcUsdt, 1m, 50_000m);
        var low = Run(derive, At(0.5), position).Report;
        (low.MaintenanceMargin, low.InitialMargin).Should().Be((0m, 25_000m));
        Run(derive, At(0.6), position).Report.InitialMargin.Should().Be(0m);
        // Without loss factors an IM-only charge has nowhere to go: rejected, naming it.
        var act = () => Run(oracle, At(0.5), position);
        act.Should().Throw<MarginEngine.Errors.InvalidMarginInputException>().Where(e => e.Field == "addOns.oracleContingency");
    }

    [Fact]
    public void LossFactors_WithACrossUnitCredit_AreRejected()
    {
        var profile = Profile(Flat(AddOnParameters.None));
        var act = () => profile.Portfolio! with
        {
            LossFactors = new LossFactors(0.8, 1),
            Aggregation = new CrossUnitAggregation.PairCredit([new UnitPairCredit("BTC", "ETH", 0.5)]),
        };
        act.Should().Throw<MarginEngine.Errors.InvalidMarginInputException>().Where(e => e.Field == "portfolio.aggregation");
    }

    [Fact]
    public void MinimumDeltaCharge_NetPlusHedged()
    {
        // Long 3 perpetual, short 1 future: net 2, gross 4, hedged (4 - 2) / 2 = 1. (2% x 2 + 1% x 1) x 50,000 = 2,500, a floor over 0.
        var unit = Run(Profile(Flat(new AddOnParameters(MinimumDeltaCharge: new MinimumDeltaChargeParameters(0.02, 0.01)))), Prices,
            new Position(BtcUsdt, 3m, 50_000m), new Position(DatedFuture(60), -1m, 50_000m)).Units.Single();
        unit.RiskMatrixMargin.Should().BeApproximately(2_500, 1e-6);
    }

    [Fact]
    public void ShortOptionMinimum_FloorsSpanScanRisk()
    {
        // SPAN family: short 2 puts, scan risk 0 on the flat grid; minimum 1% x 2 x 50,000 = 1,000.
        var put = Option("P45", OptionRight.Put, 45_000m, 30);
        var profile = Profile(Flat(new AddOnParameters(ShortOptionMinimum: 0.01)), family: MarginFamily.Span);
        Run(profile, Prices, new Position(put, -2m, 1_000m)).Units.Single().RiskMatrixMargin.Should().BeApproximately(1_000, 1e-6);
    }

    [Fact]
    public void PnlOffset_CountsGainsAtAFractionAndCap()
    {
        // Long 1 perpetual, moves ±10%: +10% gains 5,000 counted at 50% = 2,500; with a cap of 1,000 -> 1,000.
        var moves = new[] { -0.1, 0.1 };
        var half = Run(Profile(Unit(moves: moves, vols: [VolState.Same], pnlOffset: 0.5)), Prices, new Position(BtcUsdt, 1m, 50_000m)).Units.Single();
        half.Scenarios.Single(s => s.Scenario.PriceMove == 0.1).PnL.Should().BeApproximately(2_500, 1e-6);
        half.WorstCaseLoss.Should().BeApproximately(5_000, 1e-6);
        var capped = Run(Profile(Unit(moves: moves, vols: [VolState.Same], pnlOffset: 0.5, pnlOffsetCap: 1_000)), Prices, new Position(BtcUsdt, 1m, 50_000m)).Units.Single();
        capped.Scenarios.Single(s => s.Scenario.PriceMove == 0.1).PnL.Should().BeApproximately(1_000, 1e-6);
    }

    [Fact]
    public void ExtremeMove_CountsAtItsFraction()
    {
        // SPAN extreme: -32% at 35% on a 1 BTC long: -16,000 x 0.35 = -5,600.
        var unit = Run(Profile(Unit(moves: [0.0], vols: [VolState.Same], extreme: [new ExtremeMove(-0.32, 0.35)])), Prices,
            new Position(BtcUsdt, 1m, 50_000m)).Units.Single();
        unit.WorstCaseLoss.Should().BeApproximately(5_600, 1e-6);
        unit.WorstScenario.Scenario.Kind.Should().Be(ScenarioKind.Extreme);
    }

    [Fact]
    public void ExtendedDampener_ReducesFarLosses()
    {
        // Long 1 BTC, extended -66% (weight 0.16/0.66): -33,000 x 0.2424 = -8,000. Dampener 1,000 USD:
        // reduction (0.66 / 0.16 - 1) x 1,000 = 3,125 -> -4,875.
        var unit = Run(Profile(Unit(moves: [0.0], vols: [VolState.Same], extended: [new ExtendedMove(-0.66)], dampener: 1_000)), Prices,
            new Position(BtcUsdt, 1m, 50_000m)).Units.Single();
        unit.Scenarios.Single(s => s.Scenario.Kind == ScenarioKind.Extended).PnL.Should().BeApproximately(-4_875, 1e-6);
    }

    [Fact]
    public void VolShock_TermScaledByHand()
    {
        // iv 0.6, DTE 10 (<= 30: power 0.3): scale (30/10)^0.3 = 1.390389; up 0.6 x (1 + 0.5 x 1.390389) = 1.0171167;
        // down 0.6 x (1 - 0.25 x 1.390389) = 0.39144164. DTE 90 (power 0.13): (30/90)^0.13 = 0.866910 -> up 0.6 x (1 + 0.5 x 0.866910) = 0.86007313.
        // Up from a floor of 0.8: 0.8 x (1 + 0.5 x 1.390389) = 1.3561556.
        var shock = new VolShock(0.5, 0.25);
        shock.Apply(0.6, 10, VolState.Up).Should().BeApproximately(1.0171167, 1e-6);
        shock.Apply(0.6, 10, VolState.Down).Should().BeApproximately(0.39144164, 1e-6);
        shock.Apply(0.6, 90, VolState.Up).Should().BeApproximately(0.86007313, 1e-6);
        new VolShock(0.5, 0.25, minVolatilityForShockUp: 0.8).Apply(0.6, 10, VolState.Up).Should().BeApproximately(1.3561556, 1e-6);
    }

    [Fact]
    public void VolShock_FloorAfterTheShock_AndADteFloor()
    {
        // Derive: the floor applies to the shocked vol. iv 0.6, DTE 10: up = 0.6 x (1 + 0.5 x 1.390389) = 1.0171167 (above);
        // floor 1.2 after the shock -> max(1.2, 1.0171167) = 1.2 (before the shock it would be 1.2 x 1.6951945 = 2.0342335).
        var derive = new VolShock(0.5, 0.25, minVolatilityForShockUp: 1.2) { FloorAfterShockUp = true };
        derive.Apply(0.6, 10, VolState.Up).Should().BeApproximately(1.2, 1e-12);
        new VolShock(0.5, 0.25, minVolatilityForShockUp: 1.2).Apply(0.6, 10, VolState.Up).Should().BeApproximately(2.0342334, 1e-6);
        // DTE floor 3 days: an option 1 day from expiry scales as (30/3)^0.3 = 1.9952623, not (30/1)^0.3 = 2.7741911.
        (new VolShock(0.5, 0.25) { DteFloorDays = 3 }).TermScale(1).Should().BeApproximately(1.9952623, 1e-6);
        new VolShock(0.5, 0.25).TermScale(1).Should().BeApproximately(2.7741911, 1e-6);
    }
}
