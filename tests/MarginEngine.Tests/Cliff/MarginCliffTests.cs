using MarginEngine.Accounts;
using MarginEngine.Cliff;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;
using MarginEngine.Tests.Portfolio;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Cliff;

public class MarginCliffTests
{
    private const double Tolerance = MarginCliff.DefaultTolerance;

    [Fact]
    public void Cross_SingleLinearLong_SweepFollowsTheClosedForm()
    {
        // 10,000 USDT, long 1 BTCUSDT @ 50,000. At a move m the mark is P = 50,000 (1 + m): equity = 10,000 + 50,000 m.
        // m = -10%: P = 45,000, bracket 1 (0.4%, 125x): MM = 180, IM = 45,000 / 125 = 360, ratio 180 / 5,000 = 0.036,
        // available 5,000 - 360 = 4,640.
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var result = MarginCliff.Sweep(account, Market(("BTCUSDT", 50_000)), Profile(), MarginMethod.Cross, CliffShock.Together(), new CliffRange(-0.2, 0.2, 0.05));

        result.Points.Select(p => p.Move).Should().Equal([-0.2, -0.15, -0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2], (a, b) => Math.Abs(a - b) < 1e-12);
        var at = result.Points.Single(p => Math.Abs(p.Move + 0.1) < 1e-12);
        (at.Equity, at.MaintenanceMargin, at.InitialMargin, at.MarginRatio, at.AvailableBalance).Should().Be((5_000m, 180m, 360m, 0.036m, 4_640m));
    }

    [Fact]
    public void Cross_SingleLinearLong_LiquidationDistanceIsTheClosedFormAndTheReportsPrice()
    {
        // Pool balance 10,000 + (P - 50,000) = MM = 0.004 P (bracket 1 below 50,000) -> P = 40,000 / 0.996 = 40,160.64257...,
        // m = P / 50,000 - 1 = -0.19678714859... A long gains upward: no liquidation up.
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var market = Market(("BTCUSDT", 50_000));
        var (down, up) = MarginCliff.Distance(account, market, Profile(), MarginMethod.Cross, CliffShock.Together());

        down!.Move.Should().BeApproximately(40_000.0 / 0.996 / 50_000 - 1, Tolerance);
        down.Binding.Should().Be("pool");
        down.IndexPrices["BTC"].Should().BeApproximately(40_160.64257, 0.06);
        down.Cause!.Kind.Should().Be(CliffEffectKind.PositionLoss);
        up.Should().BeNull();
        var reported = (double)CrossMarginCalculator.Calculate(account, market, Profile()).Positions.Single().LiquidationPrice!.Value;
        down.Move.Should().BeApproximately(reported / 50_000 - 1, 2e-6);
    }

    [Fact]
    public void Cross_OneUnderlyingMovingAlone_MatchesTheCrossLiquidationPrice()
    {
        // CrossMarginCalculatorTests' book: 10,000 USDT, BTC long 1 @ 50,000, ETH short 10 @ 3,000. Binance cross with the
        // other position held: BTC LP = (10,000 - 180 - 50,000) / (0.004 - 1) = 40,341.36546 -> m = -0.19317269;
        // ETH LP = 39,815 / 10.065 = 3,955.78738 -> m = +0.31859579.
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 50_000m), new Position(EthUsdt, -10m, 3_000m)]);
        var market = Market(("BTCUSDT", 50_000), ("ETHUSDT", 3_000));

        var btc = MarginCliff.Distance(account, market, Profile(), MarginMethod.Cross, CliffShock.Alone("BTC"));
        var eth = MarginCliff.Distance(account, market, Profile(), MarginMethod.Cross, CliffShock.Alone("ETH"));

        btc.Down!.Move.Should().BeApproximately(40_180.0 / 0.996 / 50_000 - 1, Tolerance);
        btc.Up.Should().BeNull();
        eth.Up!.Move.Should().BeApproximately(39_815.0 / 10.065 / 3_000 - 1, Tolerance);
        eth.Down.Should().BeNull();
    }

    [Fact]
    public void Isolated_AllocatedMargin_DistanceIsTheClosedFormLiquidationPrice()
    {
        // Long 1 BTCUSDT @ 50,000 with 1,000 USDT of its own margin: LP = (WB + cum - s Q E) / (Q mmr - s Q)
        // = (1,000 - 50,000) / (0.004 - 1) = 49,196.78715 (bracket 1: notional below 50,000) -> m = -0.01606425703.
        var position = new Position(BtcUsdt, 1m, 50_000m, isolatedMargin: 1_000m);
        var account = Account([new Balance(Usdt, 10_000m)], [position]);
        var market = Market(("BTCUSDT", 50_000));

        var (down, up) = MarginCliff.Distance(account, market, Profile(), MarginMethod.Isolated, CliffShock.Together());

        down!.Move.Should().BeApproximately(49_000.0 / 0.996 / 50_000 - 1, Tolerance);
        down.Binding.Should().Be("BTCUSDT");
        var closedForm = (double)IsolatedLiquidation.LiquidationPrice(BtcUsdt, 1m, 50_000m, 1_000m, BinanceBtcUsdt(), 0m)!.Value;
        down.Move.Should().BeApproximately(closedForm / 50_000 - 1, Tolerance);
        up.Should().BeNull();
    }

    [Fact]
    public void Isolated_WithoutAllocation_HoldsItsInitialMarginAtTheSnapshot()
    {
        // No allocated margin: isolated margin gives the position its IM at the snapshot, 50,000 / 100 = 500 (bracket 2 at
        // exactly 50,000: 100x), so LP = (500 - 50,000) / (0.004 - 1) = 49,698.79518 -> m = -0.00602409639.
        // A short of 1 @ 50,000 with 500: LP = (WB + cum + Q E) / (Q mmr + Q). Bracket 1 gives 50,500 / 1.004 = 50,298.8,
        // a notional in bracket 2, so bracket 2 (0.5%, cum 50): (500 + 50 + 50,000) / 1.005 = 50,298.50746 -> m = +0.00597014925.
        var market = Market(("BTCUSDT", 50_000));
        var longOnly = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var shortOnly = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, -1m, 50_000m)]);

        MarginCliff.Distance(longOnly, market, Profile(), MarginMethod.Isolated, CliffShock.Together()).Down!.Move
            .Should().BeApproximately(49_500.0 / 0.996 / 50_000 - 1, Tolerance);
        MarginCliff.Distance(shortOnly, market, Profile(), MarginMethod.Isolated, CliffShock.Together()).Up!.Move
            .Should().BeApproximately(50_550.0 / 1.005 / 50_000 - 1, Tolerance);
    }

    [Fact]
    public void Cross_CoinCollateralFallingWithThePosition_IsTheCause()
    {
        // 2 BTC of collateral at a 0.95 haircut, long 0.5 BTCUSDT @ 50,000; everything moves together, no borrow rates.
        // Pool balance = 2 x 0.95 x 50,000 (1 + m) + 0.5 x 50,000 m = 95,000 + 120,000 m; MM = 0.5 x 50,000 (1 + m) x 0.004 = 100 (1 + m).
        // Liquidation: 94,900 + 119,900 m = 0 -> m = -0.79149291...; collateral lost 95,000 x 0.7915 = 75,192 USD against
        // the position's 25,000 x 0.7915 = 19,787: the collateral made the cliff.
        // At m = -50%: equity = 47,500 - 12,500 = 35,000, MM 50, IM 12,500 / 125 = 100, available 34,900.
        var profile = Profile() with { Borrow = new BorrowRates(0m, 0m) };
        var account = Account([new Balance(Btc, 2m)], [new Position(BtcUsdt, 0.5m, 50_000m)]);
        var result = MarginCliff.Sweep(account, Market(("BTCUSDT", 50_000)), profile, MarginMethod.Cross, CliffShock.Together(), CliffRange.Default);

        result.Down!.Move.Should().BeApproximately(-94_900.0 / 119_900, Tolerance);
        result.Down.Cause!.Kind.Should().Be(CliffEffectKind.CollateralDevaluing);
        result.Down.Cause.AmountUsd.Should().BeApproximately(95_000 * 94_900.0 / 119_900, 1.0);
        var half = result.Points.Single(p => Math.Abs(p.Move + 0.5) < 1e-12);
        (half.Equity, half.MaintenanceMargin, half.InitialMargin, half.AvailableBalance).Should().Be((35_000m, 50m, 100m, 34_900m));
    }

    [Fact]
    public void Cross_BracketJumpOnTheWayUp_IsNamed()
    {
        // Short 4.9 BTCUSDT @ 50,000 (notional 245,000: bracket 2, 0.5%, cum 50 -> MM 1,175) with 20,000 USDT; prices up.
        // Past P = 51,020 the notional is in bracket 3 (1%, cum 1,300): balance 20,000 - 4.9 (P - 50,000) = 0.049 P - 1,300
        // -> P = 266,300 / 4.949 = 53,808.85 -> m = +0.0761770. MM there 0.049 P - 1,300 = 1,336.63: the bracket jump cost
        // 1,336.63 - 1,175 = 161.63; the loss 4.9 x 3,808.85 = 18,663 is the cause.
        var account = Account([new Balance(Usdt, 20_000m)], [new Position(BtcUsdt, -4.9m, 50_000m)]);
        var up = MarginCliff.Distance(account, Market(("BTCUSDT", 50_000)), Profile(), MarginMethod.Cross, CliffShock.Together()).Up!;

        up.Move.Should().BeApproximately(266_300.0 / 4.949 / 50_000 - 1, Tolerance);
        up.Effects.Single(e => e.Kind == CliffEffectKind.BracketJump).Should().Match<CliffEffect>(e => e.Detail == "BTCUSDT: bracket 2 to 3"
            && Math.Abs(e.AmountUsd - (0.049 * 266_300.0 / 4.949 - 1_300 - 1_175)) < 0.02);
        up.Cause!.Kind.Should().Be(CliffEffectKind.PositionLoss);
        // The move is within 1e-6 above the exact one: the price within 0.05, the loss within 4.9 x 0.05 = 0.25.
        up.Cause.AmountUsd.Should().BeApproximately(4.9 * (266_300.0 / 4.949 - 50_000), 0.25);
    }

    [Fact]
    public void Portfolio_SingleLinearLong_DistanceFromTheWorstScenario()
    {
        // ±16% grid, MM = 0.8 x worst loss: long 1 BTCUSDT perp with 10,000 USDT. At P = 50,000 (1 + m) the worst loss is
        // 0.16 P, MM = 0.128 P: 10,000 + 50,000 m = 6,400 (1 + m) -> m = -3,600 / 43,600 = -0.08256880734.
        // At m = -5%: equity 7,500, IM = 0.16 x 47,500 = 7,600, MM = 6,080, available 0.
        var profile = PortfolioFixtures.Profile(PortfolioFixtures.Unit());
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var result = MarginCliff.Sweep(account, Market(("BTCUSDT", 50_000)), profile, MarginMethod.Portfolio, CliffShock.Together(),
            new CliffRange(-0.1, 0.1, 0.05));

        result.Down!.Move.Should().BeApproximately(-3_600.0 / 43_600, Tolerance);
        result.Up.Should().BeNull();
        var at = result.Points.Single(p => Math.Abs(p.Move + 0.05) < 1e-12);
        (at.Equity, at.InitialMargin, at.MaintenanceMargin, at.AvailableBalance).Should().Be((7_500m, 7_600m, 6_080m, 0m));
    }

    [Theory]
    [InlineData(null, -0.2)]
    [InlineData(null, 0.13)]
    [InlineData("ETH", -0.35)]
    [InlineData("BTC", 0.07)]
    public void Portfolio_RecomputingOnlyTheMovedUnits_IsBitwiseTheFullRecompute(string? asset, double move)
    {
        // BTC options and a perpetual, an ETH perpetual, BTC collateral counted in its unit: the evaluator requotes only the
        // units whose prices moved; a full PortfolioMarginCalculator.Calculate on the same moved snapshot must agree to the bit.
        var profile = PortfolioFixtures.Profile(PortfolioFixtures.Unit(includeCollateral: true));
        var call = PortfolioFixtures.Option("BTC-C", OptionRight.Call, 52_000m, 30);
        var put = PortfolioFixtures.Option("BTC-P", OptionRight.Put, 45_000m, 60);
        var account = Account([new Balance(Usdt, 50_000m), new Balance(Btc, 1m)],
            [new Position(call, -3m, 1_500m), new Position(put, 2m, 900m), new Position(BtcUsdt, 1m, 50_000m), new Position(EthUsdt, -20m, 3_000m)]);
        var market = PortfolioFixtures.Market([("BTC-C", 1_500), ("BTC-P", 900), ("BTCUSDT", 50_000), ("ETHUSDT", 3_000)], [("BTC-C", 0.6), ("BTC-P", 0.7)]);
        var evaluator = new CliffEvaluator(account, market, profile, MarginMethod.Portfolio, asset is null ? CliffShock.Together(0.5) : CliffShock.Alone(asset));

        var fast = evaluator.At(move).Report;
        var full = PortfolioMarginCalculator.Calculate(account, evaluator.Move(move).Market, profile).Report;

        fast.Unrounded.Should().Be(full.Unrounded);
        (fast.Equity, fast.InitialMargin, fast.MaintenanceMargin, fast.MarginRatio).Should().Be((full.Equity, full.InitialMargin, full.MaintenanceMargin, full.MarginRatio));
    }

    [Fact]
    public void Shift_MovesMarksIndexAndVolsAndRepricesOptionMarks()
    {
        // BTC +10% with vol up 0.5 x 10% = 5 points: index 55,000, perp mark 55,000, ETH unchanged; the call's mark moves by
        // its Black-Scholes change (no forward curve, no discounting): C(S, K, σ, T) with T = 30 / 365.
        var call = PortfolioFixtures.Option("BTC-C", OptionRight.Call, 52_000m, 30);
        var account = Account([new Balance(Usdt, 1m)], [new Position(call, 1m, 1_000m), new Position(BtcUsdt, 1m, 50_000m)]);
        var market = PortfolioFixtures.Market([("BTC-C", 1_000), ("BTCUSDT", 50_000)], [("BTC-C", 0.6)]);
        var evaluator = new CliffEvaluator(account, market, Profile(), MarginMethod.Cross, CliffShock.Alone("BTC", volPerMove: 0.5));

        var moved = evaluator.Move(0.1).Market;

        moved.GetIndexPrice("BTC").Should().BeApproximately(55_000, 1e-9);
        moved.GetIndexPrice("ETH").Should().Be(3_000);
        moved.GetMarkPrice("BTCUSDT").Should().BeApproximately(55_000, 1e-9);
        moved.GetImpliedVolatility("BTC-C").Should().BeApproximately(0.65, 1e-12);
        var years = 30 / 365.0;
        moved.GetMarkPrice("BTC-C").Should().BeApproximately(1_000 + BlackScholes(55_000, 52_000, 0.65, years) - BlackScholes(50_000, 52_000, 0.6, years), 1e-6);
    }

    [Fact]
    public void CoMove_FollowsTheLeadInLogTerms()
    {
        // ρ = 0.5: ETH's log return is half BTC's, 1 + m_ETH = (1 - 0.36)^0.5 = 0.8 -> ETH 3,000 x 0.8 = 2,400.
        var account = Account([new Balance(Usdt, 1m), new Balance(Eth, 1m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var evaluator = new CliffEvaluator(account, Market(("BTCUSDT", 50_000)), Profile(), MarginMethod.Cross,
            CliffShock.CoMove("BTC", new Dictionary<string, double> { ["ETH"] = 0.5 }));

        var moved = evaluator.Move(-0.36).Market;

        moved.GetIndexPrice("BTC").Should().BeApproximately(32_000, 1e-9);
        moved.GetIndexPrice("ETH").Should().BeApproximately(2_400, 1e-9);
    }

    [Fact]
    public void Range_DefaultHas101MovesWithZero()
    {
        // -50% to +50% in 1% steps: 101 moves, the middle one 0.
        var moves = CliffRange.Default.Moves();
        moves.Should().HaveCount(101);
        moves[50].Should().BeApproximately(0, 1e-12);
    }

    [Theory]
    [InlineData(-1.0, 0.5, 0.01, "cliff.from")]
    [InlineData(0.2, 0.1, 0.01, "cliff.to")]
    [InlineData(-0.5, 0.5, 0.0, "cliff.step")]
    [InlineData(-0.5, 0.5, 1e-6, "cliff.step")]
    public void Range_BadBounds_NameTheField(double from, double to, double step, string field)
    {
        var act = () => new CliffRange(from, to, step).Moves();
        act.Should().Throw<InvalidMarginInputException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void BadInput_IsTyped()
    {
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var market = Market(("BTCUSDT", 50_000));
        FluentActions.Invoking(() => MarginCliff.Distance(account, market, Profile(), MarginMethod.Cross, CliffShock.Together(), tolerance: 0))
            .Should().Throw<InvalidMarginInputException>().Which.Field.Should().Be("cliff.tolerance");
        FluentActions.Invoking(() => MarginCliff.Distance(account, market, Profile(), MarginMethod.Portfolio, CliffShock.Together()))
            .Should().Throw<MissingRiskParameterException>();
        FluentActions.Invoking(() => MarginCliff.Distance(account, market, Profile(), MarginMethod.Cross, CliffShock.Alone("DOGE")))
            .Should().Throw<MissingMarketDataException>();
        FluentActions.Invoking(() => CliffShock.CoMove("BTC", new Dictionary<string, double> { ["ETH"] = 1.5 }))
            .Should().Throw<InvalidMarginInputException>().Which.Field.Should().Be("cliff.correlations[ETH]");
        FluentActions.Invoking(() => CliffShock.Together(double.NaN))
            .Should().Throw<InvalidMarginInputException>().Which.Field.Should().Be("cliff.volPerMove");
    }

    /// <summary>Black-Scholes call with zero rates from MathNet's normal CDF: the test's own reference.</summary>
    private static double BlackScholes(double spot, double strike, double vol, double years)
    {
        var sd = vol * Math.Sqrt(years);
        var d1 = Math.Log(spot / strike) / sd + sd / 2;
        return spot * MathNet.Numerics.Distributions.Normal.CDF(0, 1, d1) - strike * MathNet.Numerics.Distributions.Normal.CDF(0, 1, d1 - sd);
    }
}
