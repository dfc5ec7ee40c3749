using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Liquidation;
using MarginEngine.Results;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Liquidation;

public class LiquidationPlannerTests
{
    private static readonly MarginEngine.Instruments.Perpetual Btc001 = BtcUsdt with { LotSize = 0.001m };

    [Fact]
    public void Healthy_NoSteps()
    {
        var account = Account([new Balance(Usdt, 100_000m)], [new Position(Btc001, 1m, 50_000m)]);
        var plan = LiquidationPlanner.Plan(account, Market(("BTCUSDT", 50_000)), Profile(), MarginMethod.Cross);
        plan.Status.Should().Be("healthy");
        plan.Steps.Should().BeEmpty();
    }

    [Fact]
    public void Cross_CancelsOrdersThenReducesInLotsToTheTarget()
    {
        // 1,000 USDT, long 1 BTCUSDT @ 50,000 marked 49,180: balance 1,000 - 820 = 180, MM 49,180 x 0.4% = 196.72: ratio 1.09.
        // Cancel the resting bid (MM unchanged), then close c at the mark: the loss is realised into USDT, the balance
        // stays 180, MM = 196.72 (1 - c) must be under 0.9 x 180 = 162: c > 0.176494..., in lots of 0.001 -> 0.177
        // (0.176 leaves 162.097). After: MM 161.9006, ratio 0.8994.
        var account = Account([new Balance(Usdt, 1_000m)], [new Position(Btc001, 1m, 50_000m)], [new OpenOrder("bid", Btc001, OrderSide.Buy, 1m, 45_000m)]);
        var plan = LiquidationPlanner.Plan(account, Market(("BTCUSDT", 49_180)), Profile(), MarginMethod.Cross);

        plan.Status.Should().Be("restored");
        plan.Steps.Select(s => (s.Action, s.Quantity)).Should().Equal((LiquidationAction.CancelOrders, 1m), (LiquidationAction.ReducePosition, 0.177m));
        var reduce = plan.Steps[1];
        (reduce.Target, reduce.Quantity, reduce.Price).Should().Be(("BTCUSDT", 0.177m, 49_180m));
        reduce.MarginBalance.Should().Be(180m);
        reduce.MaintenanceMargin.Should().Be(161.91m); // 196.72 x 0.823 = 161.9006, rounded up to the cent
        plan.RatioAfter.Should().BeLessThan(0.9m);
        plan.After.Positions.Single().Quantity.Should().Be(0.823m);
        plan.After.Balances.Single(b => b.Asset.Id == "USDT").Quantity.Should().Be(1_000m - 0.177m * 820m);
    }

    [Fact]
    public void Cross_RepaysABorrowFromCoinCollateral()
    {
        // -47,000 USDT borrowed against 1 BTC at 50,000 (haircut 0.95): balance 47,500 - 47,000 = 500, borrow MM 2% x 47,000
        // = 940: ratio 1.88. Repaying sells 47,000 / 50,000 = 0.94 BTC: 0.06 BTC left, worth 0.06 x 50,000 x 0.95 = 2,850; no MM.
        var account = Account([new Balance(Usdt, -47_000m), new Balance(Btc, 1m)], []);
        var plan = LiquidationPlanner.Plan(account, Market(), Profile(), MarginMethod.Cross);

        plan.Status.Should().Be("restored");
        var repay = plan.Steps.Single();
        (repay.Action, repay.Target, repay.Quantity, repay.Detail).Should().Be((LiquidationAction.RepayBorrow, "USDT", 47_000m, "sold BTC 0.94"));
        (repay.MarginBalance, repay.MaintenanceMargin).Should().Be((2_850m, 0m));
        plan.After.Balances.Single(b => b.Asset.Id == "BTC").Quantity.Should().Be(0.06m);
    }

    [Fact]
    public void OwnMargin_StepsDownItsBrackets()
    {
        // Long 6 @ 50,000 with 2,000 of own margin, mark 49,710: notional 298,260 (bracket 3: 1%, cum 1,300) -> MM 1,682.60;
        // margin balance 2,000 - 6 x 290 = 260. Into bracket 2: keep 5.029 (250,000 / 49,710 = 5.0292 in lots), closing
        // 0.971 realises -281.59 into the margin (1,718.41; balance still 260); MM 249,991.59 x 0.5% - 50 = 1,199.96: again.
        // Into bracket 1: keep 1.005, close 4.024 (-1,166.96): margin 551.45, balance 260 > MM 49,958.55 x 0.4% = 199.83.
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(Btc001, 6m, 50_000m, isolatedMargin: 2_000m)]);
        var plan = LiquidationPlanner.Plan(account, Market(("BTCUSDT", 49_710)), Profile(), MarginMethod.Cross);

        plan.Status.Should().Be("restored");
        plan.Steps.Select(s => (s.Action, s.Quantity)).Should().Equal((LiquidationAction.StepDownTier, 0.971m), (LiquidationAction.StepDownTier, 4.024m));
        var left = plan.After.Positions.Single();
        (left.Quantity, left.IsolatedMargin).Should().Be((1.005m, 551.45m));
    }

    [Fact]
    public void OwnMargin_PastTheLowestBracket_IsTakenOverAtBankruptcy()
    {
        // Mark 49,600: balance 2,000 - 2,400 < 0. Keep 5.040 then 1.008 (margin 2,000 - 384 - 1,612.8 = 3.2), still past MM
        // in bracket 1: taken over at the bankruptcy price E - margin / Q = 50,000 - 3.2 / 1.008 = 49,996.8254.
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(Btc001, 6m, 50_000m, isolatedMargin: 2_000m)]);
        var plan = LiquidationPlanner.Plan(account, Market(("BTCUSDT", 49_600)), Profile(), MarginMethod.Cross);

        plan.Steps.Select(s => s.Action).Should().Equal(LiquidationAction.StepDownTier, LiquidationAction.StepDownTier, LiquidationAction.CloseAtBankruptcy);
        plan.Steps[^1].Price!.Value.Should().BeApproximately(50_000m - 3.2m / 1.008m, 1e-6m);
        plan.After.Positions.Should().BeEmpty();
        plan.Status.Should().Be("restored");
    }

    [Fact]
    public void BadTarget_IsTyped()
    {
        var account = Account([new Balance(Usdt, 1m)], []);
        FluentActions.Invoking(() => LiquidationPlanner.Plan(account, Market(), Profile(), MarginMethod.Cross, 1.5m))
            .Should().Throw<InvalidMarginInputException>().Which.Field.Should().Be("liquidation.targetRatio");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    public void TargetRatio_OutsideZeroToOne_IsRefusedByName(double target)
    {
        // (0, 1]: a target of 0 asks for nothing, one above 1 for a pool beyond its MM (found by mutation testing).
        var account = new Account("a", MarginMode.Cross, [new Balance(Usdt, 1_000m)], []);
        var act = () => LiquidationPlanner.Plan(account, Market(), Profile(), MarginMethod.Cross, (decimal)target);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "liquidation.targetRatio")
            .WithMessage($"*must be in (0, 1] but was {(decimal)target}*");
    }

    [Fact]
    public void TargetRatio_OfOne_IsAllowed_AndAMethodTheProfileLacksIsRefused()
    {
        // A target of exactly 1 is allowed: an account with no position needs no step and is reported healthy.
        var account = new Account("a", MarginMode.Cross, [new Balance(Usdt, 1_000m)], []);
        var plan = LiquidationPlanner.Plan(account, Market(), Profile(), MarginMethod.Cross, 1m);
        plan.Steps.Should().BeEmpty();
        plan.Status.Should().Be("healthy");
        var portfolio = () => LiquidationPlanner.Plan(account, Market(), Profile(), MarginMethod.Portfolio);
        portfolio.Should().Throw<MissingRiskParameterException>().WithMessage("*portfolio margin*");
        ((Action)(() => LiquidationPlanner.Plan(null!, Market(), Profile(), MarginMethod.Cross))).Should().Throw<ArgumentNullException>();
        ((Action)(() => LiquidationPlanner.Plan(account, null!, Profile(), MarginMethod.Cross))).Should().Throw<ArgumentNullException>();
        ((Action)(() => LiquidationPlanner.Plan(account, Market(), null!, MarginMethod.Cross))).Should().Throw<ArgumentNullException>();
    }
}
