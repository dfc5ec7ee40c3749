using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.Instruments;
using MarginEngine.Json;
using MarginEngine.MarketData;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using MarginEngine.Tests.Portfolio;
using NodaTime;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Pricing;

/// <summary>
/// Options priced on their expiry's forward and discounted (methodology §Forwards and discounting). Figures by hand
/// with Black-76 (N from erf): S 100,000, F 102,000 (2% above spot), K 100,000, vol 50%, T = 91.25 / 365 = 0.25,
/// discount rate 5%: D = exp(-0.0125) = 0.98757780; d1 = (ln 1.02 + 0.03125) / 0.25 = 0.20421051, d2 = -0.04578949,
/// N(d1) = 0.58090550, N(d2) = 0.48173902; call = D (F N(d1) - K N(d2)) = 10,940.8404.
/// </summary>
public class ForwardsTests
{
    private static readonly Instant Expiry = Now.Plus(Duration.FromHours(91.25 * 24));
    private static readonly EuropeanOption Call = new("BTC-C100", Btc, Usdt, Settlement.Linear, OptionRight.Call, 100_000m, Expiry);
    private static readonly EuropeanOption Put = new("BTC-P100", Btc, Usdt, Settlement.Linear, OptionRight.Put, 100_000m, Expiry);

    private static MarketSnapshot Market(bool withCurves = true) => new(Now,
        new Dictionary<string, double> { ["USDT"] = 1, ["BTC"] = 100_000 },
        new Dictionary<string, double> { [Call.Id] = 10_000, [Put.Id] = 9_000 },
        new Dictionary<string, double> { [Call.Id] = 0.5, [Put.Id] = 0.5 },
        forwards: withCurves ? [KeyValuePair.Create("BTC", RateCurve.FromForwards([(Expiry, 102_000.0)], 100_000, Now))] : null,
        discountRates: withCurves ? [KeyValuePair.Create("BTC", RateCurve.Flat(0.05))] : null);

    [Fact]
    public void DatedCall_OnItsForward_Discounted_ByHand()
    {
        var exposure = RiskUnits.ToExposure(Call, 1, Call.Id, Market());
        exposure.BasePrice.Should().BeApproximately(10_940.840449, 1e-6);
        // On spot without discounting it would be 9,947.64: the basis and the discount both show.
        RiskUnits.ToExposure(Call, 1, Call.Id, Market(withCurves: false)).BasePrice.Should().BeApproximately(9_947.644966, 1e-6);
    }

    [Fact]
    public void DatedCall_ScenarioPnl_MovesTheForwardWithSpot()
    {
        // A spot move of ±10% moves the forward to 102,000 x 0.9 / x 1.1 (discount unchanged):
        // call(91,800) = 5,915.3633 -> P&L -5,025.4772; call(112,200) = 17,526.2750 -> P&L +6,585.4345.
        var unit = PortfolioFixtures.Unit(moves: [-0.1, 0, 0.1], vols: [VolState.Same]);
        var result = PortfolioFixtures.Run(PortfolioFixtures.Profile(unit), Market(), new Position(Call, 1m, 10_000m)).Units.Single();
        var vector = result.Contributions.Single().ScenarioPnl;
        vector[0].Should().BeApproximately(-5_025.477191, 1e-5);
        vector[1].Should().BeApproximately(0, 1e-9);
        vector[2].Should().BeApproximately(6_585.434511, 1e-5);
    }

    [Fact]
    public void PutCallParity_OnTheForward()
    {
        // C - P = D (F - K) = 0.98757780 x 2,000 = 1,975.1556.
        var market = Market();
        var call = RiskUnits.ToExposure(Call, 1, Call.Id, market).BasePrice;
        var put = RiskUnits.ToExposure(Put, 1, Put.Id, market).BasePrice;
        (call - put).Should().BeApproximately(1_975.155601, 1e-6);
    }

    [Fact]
    public void RateCurve_LinearInTime_FlatOutside()
    {
        // Pillars 4% at 30 days, 6% at 90 days: 5% at 60 days; 4% before the first; 6% after the last.
        var curve = new RateCurve([(Now.Plus(Duration.FromDays(90)), 0.06), (Now.Plus(Duration.FromDays(30)), 0.04)]);
        curve.RateAt(Now.Plus(Duration.FromDays(60))).Should().BeApproximately(0.05, 1e-15);
        curve.RateAt(Now.Plus(Duration.FromDays(1))).Should().Be(0.04);
        curve.RateAt(Now.Plus(Duration.FromDays(400))).Should().Be(0.06);
        // A forward of 102,000 at 0.25 y on spot 100,000 is the basis rate ln(1.02) / 0.25 = 0.0792105...
        RateCurve.FromForwards([(Expiry, 102_000.0)], 100_000, Now).RateAt(Expiry).Should().BeApproximately(Math.Log(1.02) / 0.25, 1e-15);
        Market().GetForward("BTC", Expiry).Should().BeApproximately(102_000, 1e-8);
        Market().GetDiscountFactor("BTC", Expiry).Should().BeApproximately(0.9875778004938814, 1e-15);
    }

    [Fact]
    public void Json_ForwardsAndDiscountRates_RoundTrip()
    {
        // The options book with a BTC forward curve (given as forwards) and a flat discount rate: written and read back,
        // the portfolio result is the same; and it differs from the book without them.
        var json = TestFiles.Example("options-book.json").Replace("\"markPrices\": {", """
            "forwards": { "BTC": { "expiries": ["2026-12-25T08:00:00Z", "2027-03-26T08:00:00Z"], "forwards": [95800, 97400] } },
            "discountRates": { "BTC": { "rate": 0.04 } },
            "markPrices": {
            """);
        var book = BookJson.Read(json);
        var reread = BookJson.Read(BookJson.Write(book));
        var figures = PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile).Report;
        PortfolioMarginCalculator.Calculate(reread.Account, reread.Market, reread.Profile).Report.Should().BeEquivalentTo(figures);
        var plain = BookJson.Read(TestFiles.Example("options-book.json"));
        PortfolioMarginCalculator.Calculate(plain.Account, plain.Market, plain.Profile).Report.InitialMargin.Should().NotBe(figures.InitialMargin);
    }

    [Fact]
    public void Json_ForwardsNeedMatchingExpiries()
    {
        var json = TestFiles.Example("options-book.json").Replace("\"markPrices\": {", """
            "forwards": { "BTC": { "expiries": ["2026-12-25T08:00:00Z"], "forwards": [95800, 97400] } },
            "markPrices": {
            """);
        var act = () => BookJson.Read(json);
        act.Should().Throw<MarginEngine.Errors.ConfigurationException>().Where(e => e.Message.Contains("forwards") && e.Message.Contains("2 values for 1 expiries"));
    }

    private static MarginEngine.Profiles.RiskProfile FlatGrid(AddOnParameters addOns) =>
        PortfolioFixtures.Profile(PortfolioFixtures.Unit(moves: [0.0], vols: [VolState.Same], addOns: addOns));

    [Fact]
    public void ShortOptionContingency_AtTheForward()
    {
        // Short 2 calls, 1%: at spot 0.01 x 2 x 100,000 = 2,000; at the forward 0.01 x 2 x 102,000 = 2,040 (the flat
        // one-scenario grid loses nothing, so the contingency is the whole margin).
        var spot = FlatGrid(new AddOnParameters(ShortOptionContingency: 0.01));
        var forward = FlatGrid(new AddOnParameters(ShortOptionContingency: 0.01, ContingencyPrice: ContingencyPrice.Forward));
        PortfolioFixtures.Run(spot, Market(), new Position(Call, -2m, 10_000m)).Units.Single().RiskMatrixMargin.Should().BeApproximately(2_000, 1e-6);
        PortfolioFixtures.Run(forward, Market(), new Position(Call, -2m, 10_000m)).Units.Single().RiskMatrixMargin.Should().BeApproximately(2_040, 1e-6);
    }

    [Fact]
    public void BasisContingency_IsAFloorUnderTheWorstLoss()
    {
        // Derive §5.1 with spot 1.045 / 0.955, factors 0.5 + 2 x T = 0.5 + 2 x 0.25 = 1.0. Long 1 call (figures of the class):
        // call(106,590) - call(102,000) = +2,788.0225; call(97,410) - call(102,000) = -2,469.8138 -> floor 2,469.8138.
        // Short 1 call: -min(-2,788.0225, 2,469.8138, 0) = 2,788.0225.
        var basis = new AddOnParameters(BasisContingency: new BasisContingencyParameters(1.045, 0.955, 0.5, 2));
        var longCall = PortfolioFixtures.Run(FlatGrid(basis), Market(), new Position(Call, 1m, 10_000m)).Units.Single();
        longCall.RiskMatrixMargin.Should().BeApproximately(2_469.813789, 1e-5);
        longCall.AddOns.Single().Kind.Should().Be(MarginEngine.Results.AddOnKind.BasisContingency);
        PortfolioFixtures.Run(FlatGrid(basis), Market(), new Position(Call, -1m, 10_000m)).Units.Single().RiskMatrixMargin
            .Should().BeApproximately(2_788.022529, 1e-5);
        // On a grid whose worst loss is larger (short call, +10%: 6,585.43), the floor does not add: the margin is the worst loss.
        var grid = PortfolioFixtures.Profile(PortfolioFixtures.Unit(moves: [-0.1, 0, 0.1], vols: [VolState.Same], addOns: basis));
        PortfolioFixtures.Run(grid, Market(), new Position(Call, -1m, 10_000m)).Units.Single().RiskMatrixMargin.Should().BeApproximately(6_585.434511, 1e-5);
    }

    [Fact]
    public void SkewScenarios_ByHand_WithDerivesDefaults()
    {
        // Derive's defaults (caps 0.25, c-bases -0.1, k* = max(0.01, 4 x √T x 0.6)): √T = 0.5, cap = 0.2, k* = 1.2.
        // The call K 100,000 on F 102,000: k = ln(100,000 / 102,000) = -0.0198026. Linear: μ = 1 - 0.0198026 x 0.2 / 1.2
        // = 0.99669956 -> call(σ 0.49834978) - call(0.5) = -32.474640; absolute: μ = 1.00330044 -> +32.473638.
        // Counted as losses only: -32.474640 and -32.473638; worst loss 32.474640.
        var skew = new SkewShock(0.25, 0.25, -0.1, -0.1, 0.01, 4, 0.6, 0);
        var unit = PortfolioFixtures.Unit(moves: [0.0], vols: [VolState.Same]) with { Skew = skew };
        var result = PortfolioFixtures.Run(PortfolioFixtures.Profile(unit), Market(), new Position(Call, 1m, 10_000m)).Units.Single();
        var vector = result.Contributions.Single().ScenarioPnl;
        vector[1].Should().BeApproximately(-32.474640, 1e-5);
        vector[2].Should().BeApproximately(32.473638, 1e-5);
        result.Scenarios[2].PnL.Should().BeApproximately(-32.473638, 1e-5);
        result.WorstCaseLoss.Should().BeApproximately(32.474640, 1e-5);
        // Far above the forward (K 150,000: k = 0.3856625), the linear tilt raises vol by 0.3856625 x 0.2 / 1.2 = 6.43%.
        skew.Multiplier(MarginEngine.Scenarios.ScenarioKind.SkewLinear, Math.Log(150_000.0 / 102_000), 0.25).Should().BeApproximately(1.0642771, 1e-7);
        // Past k* the tilt stops at the cap: k = 2 -> 1.2.
        skew.Multiplier(MarginEngine.Scenarios.ScenarioKind.SkewLinear, 2, 0.25).Should().BeApproximately(1.2, 1e-12);
    }

    [Fact]
    public void SettlementWindow_TheFixedPartOfTheForwardDoesNotMove()
    {
        // 15 minutes before expiry (T = 15 / 525,600), half of the settlement average already fixed: F = 100,000 with
        // 50,000 fixed. ATM call, vol 50%: value 106.5609 (σ√T = 0.002671). At +10% the forward is 50,000 x 1.1 + 50,000
        // = 105,000: P&L = 5,000.0000 - 106.5609 = +4,893.4391 (without the fixing, 110,000: +9,893.4391). At -10%: -106.5609.
        var expiry = Now.Plus(Duration.FromMinutes(15));
        var call = new EuropeanOption("BTC-C100-SW", Btc, Usdt, Settlement.Linear, OptionRight.Call, 100_000m, expiry);
        MarketSnapshot At(double fixedPart) => new(Now,
            new Dictionary<string, double> { ["USDT"] = 1, ["BTC"] = 100_000 }, new Dictionary<string, double> { [call.Id] = 100 },
            new Dictionary<string, double> { [call.Id] = 0.5 }, forwardFixings: fixedPart > 0 ? [("BTC", expiry, fixedPart)] : null);
        var unit = PortfolioFixtures.Unit(moves: [-0.1, 0, 0.1], vols: [VolState.Same]);
        double[] Vector(double fixedPart) =>
            [.. PortfolioFixtures.Run(PortfolioFixtures.Profile(unit), At(fixedPart), new Position(call, 1m, 100m)).Units.Single().Contributions.Single().ScenarioPnl];

        var fixedHalf = Vector(50_000);
        fixedHalf[0].Should().BeApproximately(-106.560903, 1e-5);
        fixedHalf[2].Should().BeApproximately(4_893.439097, 1e-5);
        Vector(0)[2].Should().BeApproximately(9_893.439097, 1e-5);
        // Its delta to spot counts the variable half only: about 0.5 x N(d1) = 0.5 x 0.5005 for an ATM call.
        RiskUnits.ToExposure(call, 1, call.Id, At(50_000)).DeltaCoins.Should().BeApproximately(0.5 * 0.50053, 1e-4);
    }

    [Fact]
    public void StaticDiscount_ByTheSignOfTheExpirysShockedValue()
    {
        // Derive's defaults (1.05, 0.95, mults 0, adds 0.16), T = 0.25, D = 0.98757780: SDpos = 1.05 x exp(-0.04) = 1.00882891;
        // SDneg = min(1 / D = 1.01257845, 0.95 x exp(0.04) = 0.98877024) = 0.98877024. Cells = SD(X) x X - mtm with X the
        // shocked value: long 1 call (X > 0): -4,973.2510, +96.5957 (even unshocked), +6,740.1724;
        // short 1 call (X < 0): +5,091.9053, +122.8631, -6,388.6186.
        var unit = PortfolioFixtures.Unit(moves: [-0.1, 0, 0.1], vols: [VolState.Same]) with
        {
            StaticDiscount = new MarginEngine.Scenarios.StaticDiscount(1.05, 0.95, 0, 0, 0.16, 0.16),
        };
        double[] Cells(decimal quantity) =>
            [.. PortfolioFixtures.Run(PortfolioFixtures.Profile(unit with { PnlOffset = 1 }), Market(), new Position(Call, quantity, 10_000m)).Units.Single()
                .Scenarios.Select(c => c.PnL)];
        Cells(1m).Should().Equal([-4_973.250974, 96.595708, 6_740.172434], (a, b) => Math.Abs(a - b) < 1e-5);
        Cells(-1m).Should().Equal([5_091.905327, 122.863062, -6_388.618570], (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void SkewSign_PerExpiry_DoesNotLetExpiriesOffset()
    {
        // Long the 3-month call, short a 6-month call of the same strike: their skew P&Ls have opposite signs. Per unit the
        // skew cell is -|a + b|; per expiry (Derive) -|a| - |b|, a and b each leg's own skew cell (each leg is its own expiry).
        var later = new EuropeanOption("BTC-C100-6M", Btc, Usdt, Settlement.Linear, OptionRight.Call, 100_000m, Expiry.Plus(Duration.FromHours(91.25 * 24)));
        var market = new MarketSnapshot(Now,
            new Dictionary<string, double> { ["USDT"] = 1, ["BTC"] = 100_000 },
            new Dictionary<string, double> { [Call.Id] = 10_000, [later.Id] = 14_000 },
            new Dictionary<string, double> { [Call.Id] = 0.5, [later.Id] = 0.5 },
            forwards: [KeyValuePair.Create("BTC", RateCurve.FromForwards([(Expiry, 102_000.0)], 100_000, Now))],
            discountRates: [KeyValuePair.Create("BTC", RateCurve.Flat(0.05))]);
        var skew = new SkewShock(0.25, 0.25, -0.1, -0.1, 0.01, 4, 0.6, 0);
        MarginEngine.Results.RiskUnitMargin Run(SkewSign sign) => PortfolioFixtures.Run(
            PortfolioFixtures.Profile(PortfolioFixtures.Unit(moves: [0.0], vols: [VolState.Same]) with { Skew = skew with { Sign = sign } }),
            market, new Position(Call, 1m, 10_000m), new Position(later, -1m, 14_000m)).Units.Single();

        var perExpiry = Run(SkewSign.LossOnlyPerExpiry);
        var a = perExpiry.Contributions[0].ScenarioPnl[1];
        var b = perExpiry.Contributions[1].ScenarioPnl[1];
        a.Should().BeApproximately(-32.474640, 1e-5, "the 3-month call's linear skew P&L, as in SkewScenarios_ByHand");
        Math.Sign(a).Should().Be(-Math.Sign(b), "the legs offset, or the test shows nothing");
        perExpiry.Scenarios[1].PnL.Should().BeApproximately(-Math.Abs(a) - Math.Abs(b), 1e-9);
        Run(SkewSign.LossOnly).Scenarios[1].PnL.Should().BeApproximately(-Math.Abs(a + b), 1e-9);
    }
}
