using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Portfolio;

public class PortfolioMarginCalculatorTests
{
    private static readonly ExtendedMove[] DeribitExtended = [new(-0.66), new(-0.33), new(0.5), new(1), new(2), new(3), new(4), new(5)];

    [Fact]
    public void InversePerpetual_GridValuesByHand_InCoin()
    {
        // 500 contracts x 100 USD = 50,000 USD face long at mark 50,000 = 1 BTC; coin unit, pnlOffset 0.
        // Cell at s: 1 x (1 - 1/(1+s)). -16%: 1 - 1/0.84 = -0.19047619; -8%: 1 - 1/0.92 = -0.08695652; +16%: +0.13793103 counted at 0.
        // Extended -66% (weight 0.16/0.66): USD P&L = face x s = -33,000 -> x 0.2424 = -8,000 -> / edge 42,000 = -0.19047619, the -16% cell.
        // 9 points x 3 vols + 8 extended = 35 scenarios. RM = 0.19047619 BTC; MM = 0.8 x RM = 0.15238095; IM = RM.
        var profile = Profile(Unit(UnitCurrency.Coin, extended: DeribitExtended));
        var result = Run(profile, Market([("BTCUSD", 50_000)]), new Position(BtcUsd, 500m, 50_000m));
        var unit = result.Units.Single();

        unit.Scenarios.Should().HaveCount(35);
        Cell(unit, ScenarioKind.Standard, -0.16).Should().BeApproximately(-0.19047619, 1e-8);
        Cell(unit, ScenarioKind.Standard, -0.08).Should().BeApproximately(-0.08695652, 1e-8);
        Cell(unit, ScenarioKind.Standard, 0.16).Should().Be(0);
        Cell(unit, ScenarioKind.Extended, -0.66).Should().BeApproximately(-0.19047619, 1e-8);
        Cell(unit, ScenarioKind.Extended, 1).Should().Be(0);
        unit.WorstCaseLoss.Should().BeApproximately(0.19047619, 1e-8);
        unit.MaintenanceMargin.Should().BeApproximately(0.15238095, 1e-8);
        // In USD at the index 50,000: IM 9,523.809... -> 9,523.81 (up), MM 7,619.047... -> 7,619.05 (up).
        result.Report.InitialMargin.Should().Be(9_523.81m);
        result.Report.MaintenanceMargin.Should().Be(7_619.05m);
    }

    [Fact]
    public void Portfolio_ShortCallCoveredByLongPerpetual_NeedsLessThanTheNakedCall()
    {
        // An in-the-money call (K 45,000, delta about 0.8): naked, it loses about 7,000 at +16%; covered by a long
        // perpetual the two legs offset in every cell, leaving the put-like downside of the pair.
        var call = Option("C45", OptionRight.Call, 45_000m, 30);
        var market = Market([("C45", 6_000), ("BTCUSDT", 50_000)], [("C45", 0.6)]);
        var profile = Profile(Unit());
        var naked = Run(profile, market, new Position(call, -1m, 6_000m)).Units.Single().RiskMatrixMargin;
        var covered = Run(profile, market, new Position(call, -1m, 6_000m), new Position(BtcUsdt, 1m, 50_000m)).Units.Single().RiskMatrixMargin;
        covered.Should().BeLessThan(naked);
        covered.Should().BeGreaterThan(0);
    }

    [Fact]
    public void CalendarSpread_PaysOnlyTheRollShock()
    {
        // Long 1 perpetual, short 1 future (T = 73/365 = 0.2), both marked 50,000: every cell is 0.
        // Roll shock (7.5% annualised, 1% floor): perpetual |+1| x 50,000 x 1% = 500;
        // future |-1| x 50,000 x max(exp(0.075 x 0.2) - 1, 1%) = 50,000 x 0.0151130646 = 755.65323. RM = 1,255.65323.
        var future = DatedFuture(73);
        var profile = Profile(Unit(addOns: new AddOnParameters(RollShock: new RollShockParameters(0.075, 0.01))));
        var unit = Run(profile, Market([("BTCUSDT", 50_000), ("BTCUSDT-F", 50_000)]), new Position(BtcUsdt, 1m, 50_000m), new Position(future, -1m, 50_000m)).Units.Single();
        unit.WorstCaseLoss.Should().Be(0);
        unit.AddOns.Single(a => a.Kind == MarginEngine.Results.AddOnKind.RollShock).Amount.Should().BeApproximately(1_255.65323, 1e-4);
        unit.RiskMatrixMargin.Should().BeApproximately(1_255.65323, 1e-4);
    }

    [Fact]
    public void FarOtmShortStrangle_IsCaughtByTheExtendedTable()
    {
        // Short call K 150,000 and put K 20,000, 30 days, vol 60%: within ±16% they barely move. At +500% (300,000) with the vol
        // shocked up (term scale (30/30)^0.3 = 1: 0.6 x 1.5 = 0.9), Black-76 values the call at 150,060.2357 (from 1.9e-7) and
        // the put at 0 (from 4.8e-5): loss 150,060.2357, weighted 0.16 / 5 = 0.032: 4,801.9275.
        var call = Option("C150", OptionRight.Call, 150_000m, 30);
        var put = Option("P20", OptionRight.Put, 20_000m, 30);
        var market = Market([("C150", 1), ("P20", 1)], [("C150", 0.6), ("P20", 0.6)]);
        var standardOnly = Run(Profile(Unit()), market, new Position(call, -1m, 1m), new Position(put, -1m, 1m)).Units.Single();
        var withExtended = Run(Profile(Unit(extended: DeribitExtended)), market, new Position(call, -1m, 1m), new Position(put, -1m, 1m)).Units.Single();

        standardOnly.WorstCaseLoss.Should().BeLessThan(100);
        withExtended.WorstScenario.Scenario.Kind.Should().Be(ScenarioKind.Extended);
        withExtended.WorstScenario.Scenario.PriceMove.Should().Be(5);
        withExtended.WorstCaseLoss.Should().BeApproximately(4_801.9275, 1e-3);
    }

    [Fact]
    public void BtcCollateral_RaisesMarginOnALongBtcBook()
    {
        // Long 1 BTC perpetual, 2 BTC held. Without the collateral: worst -16% = 1 x 50,000 x 0.16 = 8,000.
        // With it revalued: (1 + 2) x 8,000 = 24,000: the margin cliff.
        var account = Account([new Balance(Usdt, 10_000m), new Balance(Btc, 2m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var market = Market([("BTCUSDT", 50_000)]);
        PortfolioMarginCalculator.Calculate(account, market, Profile(Unit())).Units.Single().WorstCaseLoss.Should().BeApproximately(8_000, 1e-6);
        var cliff = PortfolioMarginCalculator.Calculate(account, market, Profile(Unit(includeCollateral: true))).Units.Single();
        cliff.WorstCaseLoss.Should().BeApproximately(24_000, 1e-6);
        cliff.Contributions.Single(c => c.Id == "collateral:BTC").PnL.Should().BeApproximately(-16_000, 1e-6);
    }

    [Fact]
    public void CoinCollateral_InACoinUnit_HasNoPnl()
    {
        // A coin unit measures in the coin itself: holding 2 BTC neither gains nor loses BTC.
        var account = Account([new Balance(Btc, 2m)], []);
        var unit = PortfolioMarginCalculator.Calculate(account, Market([]), Profile(Unit(UnitCurrency.Coin, includeCollateral: true))).Units.Single();
        unit.WorstCaseLoss.Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void MissingPortfolioParameters_Throw()
    {
        var act = () => Run(Fixtures.Profile(), Market([("BTCUSDT", 50_000)]), new Position(BtcUsdt, 1m, 50_000m));
        act.Should().Throw<MissingRiskParameterException>().Where(e => e.Kind == "portfolio parameters");
    }

    [Fact]
    public void MissingVolatility_ThrowsNamingTheOption()
    {
        var call = Option("C55", OptionRight.Call, 55_000m, 30);
        var act = () => Run(Profile(Unit()), Market([("C55", 1_500)]), new Position(call, -1m, 1_500m));
        act.Should().Throw<MissingMarketDataException>().Where(e => e.Id == "C55" && e.Kind == "implied volatility");
    }

    [Fact]
    public void ExpiredOption_IsRejected()
    {
        var call = Option("OLD", OptionRight.Call, 55_000m, -1);
        var act = () => Run(Profile(Unit()), Market([("OLD", 1)], [("OLD", 0.5)]), new Position(call, -1m, 1m));
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "instruments[OLD].expiry");
    }

    [Fact]
    public void InitialFactorRelation_MmIsTheRiskMatrixAndImAMultiple()
    {
        // Long 1 perp, worst 8,000: Bybit-style MM = 8,000, IM = 1.25 x 8,000 = 10,000.
        var unit = Run(Profile(Unit(), imFactor: 1.25), Market([("BTCUSDT", 50_000)]), new Position(BtcUsdt, 1m, 50_000m)).Units.Single();
        unit.MaintenanceMargin.Should().BeApproximately(8_000, 1e-6);
        unit.InitialMargin.Should().BeApproximately(10_000, 1e-6);
    }

    [Fact]
    public void OpenOrder_AddsTheIncreaseInRiskToInitialMarginOnly()
    {
        // Long 1 perp (worst 8,000) and a resting buy of 1: filled, worst 16,000 -> open orders margin 8,000.
        // MM = 0.8 x 8,000 = 6,400; IM = 8,000 + 8,000 = 16,000.
        var account = Account([new Balance(Usdt, 100_000m)], [new Position(BtcUsdt, 1m, 50_000m)], [new OpenOrder("bid", BtcUsdt, OrderSide.Buy, 1m, 49_000m)]);
        var unit = PortfolioMarginCalculator.Calculate(account, Market([("BTCUSDT", 50_000)]), Profile(Unit())).Units.Single();
        unit.OpenOrdersMargin.Should().BeApproximately(8_000, 1e-6);
        unit.MaintenanceMargin.Should().BeApproximately(6_400, 1e-6);
        unit.InitialMargin.Should().BeApproximately(16_000, 1e-6);
    }

    [Fact]
    public void Equity_MarksEveryOptionToMarket()
    {
        // 100,000 USDT; short 1 call marked 1,500: equity = 100,000 - 1,500 = 98,500.
        var call = Option("C55", OptionRight.Call, 55_000m, 30);
        var result = Run(Profile(Unit()), Market([("C55", 1_500)], [("C55", 0.6)]), new Position(call, -1m, 1_500m));
        result.Report.Equity.Should().Be(98_500m);
        result.Report.Method.Should().Be(MarginEngine.Results.MarginMethod.Portfolio);
    }

    private static double Cell(MarginEngine.Results.RiskUnitMargin unit, ScenarioKind kind, double move) =>
        unit.Scenarios.First(s => s.Scenario.Kind == kind && Math.Abs(s.Scenario.PriceMove - move) < 1e-12).PnL;

    [Fact]
    public void DeribitComposition_ReservesEnterImOnly()
    {
        // Deribit: IM = risk-matrix margin + spot margin + reserves + open orders; MM = 0.8 x risk-matrix margin. A 5,000 USDT
        // market-maker-protection reserve therefore lifts IM by exactly 5,000 (USDT index 1) and leaves MM as it was,
        // in portfolio margin and in cross alike.
        var book = MarginEngine.Json.BookJson.Read(TestFiles.Example("options-book.json"));
        var usdt = book.Account.Balances.Single(b => b.Asset.Id == "USDT").Asset;
        var a = book.Account;
        var withReserve = new MarginEngine.Accounts.Account(a.Id, a.Mode, a.Balances, a.Positions, a.Orders,
            [new MarginEngine.Accounts.MarginReserve("mmp", usdt, 5_000m)]);

        var without = PortfolioMarginCalculator.Calculate(a, book.Market, book.Profile).Report;
        var with = PortfolioMarginCalculator.Calculate(withReserve, book.Market, book.Profile).Report;
        (with.InitialMargin - without.InitialMargin).Should().Be(5_000m);
        with.MaintenanceMargin.Should().Be(without.MaintenanceMargin);
        with.Reserves.Should().Equal(new MarginEngine.Results.ReserveMargin("mmp", "USDT", 5_000m, 5_000m));

        var crossWithout = MarginEngine.Modes.CrossMarginCalculator.Calculate(a, book.Market, book.Profile);
        var crossWith = MarginEngine.Modes.CrossMarginCalculator.Calculate(withReserve, book.Market, book.Profile);
        (crossWith.InitialMargin - crossWithout.InitialMargin).Should().Be(5_000m);
        (crossWithout.AvailableBalance - crossWith.AvailableBalance).Should().Be(5_000m);
        crossWith.MaintenanceMargin.Should().Be(crossWithout.MaintenanceMargin);
    }

    [Fact]
    public void EachPosition_CarriesItsRiskVector_CellByCell()
    {
        // Long 1 BTCUSDT perpetual at index 50,000, moves -10%, 0, +10% (vol same), extended +100% weighted by the unit's
        // price range over the move, 16% / 100% = 0.16: vector [-5,000, 0, 5,000, 50,000 x 0.16 = 8,000] in USD.
        var unit = PortfolioFixtures.Unit(moves: [-0.1, 0, 0.1], vols: [MarginEngine.Scenarios.VolState.Same], extended: [new ExtendedMove(1)]);
        var result = PortfolioFixtures.Run(PortfolioFixtures.Profile(unit), PortfolioFixtures.Market([("BTCUSDT", 50_000)]),
            new MarginEngine.Accounts.Position(BtcUsdt, 1m, 50_000m)).Units.Single();
        var vector = result.Contributions.Single().ScenarioPnl;
        vector.Should().HaveCount(4);
        vector[0].Should().BeApproximately(-5_000, 1e-9);
        vector[1].Should().BeApproximately(0, 1e-9);
        vector[2].Should().BeApproximately(5_000, 1e-9);
        vector[3].Should().BeApproximately(8_000, 1e-9);
    }

    [Fact]
    public void PositionVectors_SumToTheUnitsCells_WhenGainsCountInFull()
    {
        // No gain offset (pnlOffset 1) and no dampener: every cell of the unit is the sum of its legs' cells.
        var unit = PortfolioFixtures.Unit(pnlOffset: 1, extended: [new ExtendedMove(-0.5), new ExtendedMove(2)]);
        var call = PortfolioFixtures.Option("C55", MarginEngine.Instruments.OptionRight.Call, 55_000m, 30);
        var result = PortfolioFixtures.Run(PortfolioFixtures.Profile(unit),
            PortfolioFixtures.Market([("BTCUSDT", 50_000), ("C55", 1_000)], [("C55", 0.6)]),
            new MarginEngine.Accounts.Position(BtcUsdt, 1m, 50_000m), new MarginEngine.Accounts.Position(call, -2m, 1_000m)).Units.Single();
        for (var i = 0; i < result.Scenarios.Length; i++)
            result.Contributions.Sum(p => p.ScenarioPnl[i]).Should().BeApproximately(result.Scenarios[i].PnL, 1e-6);
    }

    [Fact]
    public void ExtendedCells_GainsCountAsZero_WhenTheProfileSaysSo()
    {
        // Long 1 perpetual, gains counted at 50%: the +100% extended cell gains 8,000 (see above) and counts 4,000; with
        // zeroExtendedGains it counts 0, as Deribit prints it. The -50% extended cell (a loss of 50,000 x 0.5 x 0.32 = 8,000)
        // is unchanged, and so is the margin: the worst cell is a loss either way.
        var unit = PortfolioFixtures.Unit(moves: [-0.1, 0, 0.1], vols: [MarginEngine.Scenarios.VolState.Same],
            extended: [new ExtendedMove(-0.5), new ExtendedMove(1)], pnlOffset: 0.5);
        var market = PortfolioFixtures.Market([("BTCUSDT", 50_000)]);
        var position = new MarginEngine.Accounts.Position(BtcUsdt, 1m, 50_000m);
        var counted = PortfolioFixtures.Run(PortfolioFixtures.Profile(unit), market, position).Units.Single();
        var zeroed = PortfolioFixtures.Run(PortfolioFixtures.Profile(unit with { ZeroExtendedGains = true }), market, position).Units.Single();
        counted.Scenarios[4].PnL.Should().BeApproximately(4_000, 1e-9);
        zeroed.Scenarios[4].PnL.Should().Be(0);
        zeroed.Scenarios[3].PnL.Should().BeApproximately(-8_000, 1e-9);
        zeroed.RiskMatrixMargin.Should().Be(counted.RiskMatrixMargin);
    }
}
