using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Errors;

namespace MarginEngine.Tests.Brackets;

/// <summary>
/// Every rule a published table must keep, at its boundary: the rejected case names the field and says the rule, the
/// case on the boundary is accepted (found by mutation testing, docs/mutation.md: these checks had no test at their edge).
/// </summary>
public class ScheduleValidationTests
{
    private static Action Brackets(params BracketTier[] tiers) => () => BracketSchedule.Create(tiers, "b");

    [Fact]
    public void Brackets_StartAtZero()
    {
        Brackets(new BracketTier(10m, 20m, 10m, 0.01m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[0].notionalFloor").WithMessage("*must be 0 (brackets start at 0 and each floor equals the previous cap) but was 10*");
    }

    [Fact]
    public void Brackets_NoneOrNull_AreRejected()
    {
        Brackets().Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "b").WithMessage("*needs at least one bracket*");
        var none = () => BracketSchedule.Create(null!, "b");
        none.Should().Throw<InvalidMarginInputException>().WithMessage("*needs at least one bracket*");
    }

    [Fact]
    public void Brackets_OnlyTheLastIsUnbounded_AndACapExceedsItsFloor()
    {
        Brackets(new BracketTier(0m, null, 10m, 0.01m), new BracketTier(100m, null, 10m, 0.01m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[0].notionalCap").WithMessage("*only the last bracket may be unbounded*");
        // A cap equal to its floor is an empty bracket.
        Brackets(new BracketTier(0m, 0m, 10m, 0.01m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[0].notionalCap").WithMessage("*must exceed the floor 0 but was 0*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Brackets_MmrIsInsideZeroAndOne(double mmr)
    {
        Brackets(new BracketTier(0m, null, 1m, (decimal)mmr)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[0].maintenanceMarginRate").WithMessage($"*must be in (0, 1) but was {mmr}*");
    }

    [Fact]
    public void Brackets_LeverageAtLeastOne_AndImRateNotBelowMmr()
    {
        Brackets(new BracketTier(0m, null, 0.5m, 0.01m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[0].maxLeverage").WithMessage("*must be >= 1 but was 0.5*");
        // 50x is an IM rate of 2 %: an MMR of 3 % is above it; exactly 2 % is allowed.
        Brackets(new BracketTier(0m, null, 50m, 0.03m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[0].maxLeverage").WithMessage("*initial margin rate 1/50 is below the maintenance margin rate 0.03*");
        Brackets(new BracketTier(0m, null, 50m, 0.02m)).Should().NotThrow();
    }

    [Fact]
    public void Brackets_MmrNeverFalls_LeverageNeverRises_EqualIsAllowed()
    {
        Brackets(new BracketTier(0m, 100m, 50m, 0.01m), new BracketTier(100m, null, 50m, 0.005m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[1].maintenanceMarginRate").WithMessage("*must not fall as notional grows*");
        Brackets(new BracketTier(0m, 100m, 50m, 0.01m), new BracketTier(100m, null, 60m, 0.01m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[1].maxLeverage").WithMessage("*must not rise as notional grows*");
        Brackets(new BracketTier(0m, 100m, 50m, 0.01m), new BracketTier(100m, null, 50m, 0.01m)).Should().NotThrow("equal rates and leverage are a flat table");
    }

    [Fact]
    public void Brackets_StatedCum_WithinOneCentOfContinuity()
    {
        // cum_2 = 100 x (0.02 - 0.01) = 1: a published 1.01 is rounding; 1.02 breaks continuity.
        Brackets(new BracketTier(0m, 100m, 50m, 0.01m), new BracketTier(100m, null, 25m, 0.02m, 1.01m)).Should().NotThrow();
        Brackets(new BracketTier(0m, 100m, 50m, 0.01m), new BracketTier(100m, null, 25m, 0.02m, 1.02m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "b[1].maintenanceAmount").WithMessage("*is 1.02 but continuity across brackets requires 1.00*");
    }

    [Fact]
    public void Brackets_FindAndContains_AtTheEdges()
    {
        // [0, 100) then [100, ∞): 100 is in the second bracket, 99.99 in the first; a negative notional is refused.
        var schedule = BracketSchedule.Create([new(0m, 100m, 50m, 0.01m), new BracketTier(100m, null, 25m, 0.02m)]);
        schedule.Find(100m).Tier.Should().Be(2);
        schedule.Find(99.99m).Tier.Should().Be(1);
        schedule.Brackets[1].Contains(100m).Should().BeTrue();
        schedule.Brackets[0].Contains(100m).Should().BeFalse();
        var negative = () => schedule.Find(-1m);
        negative.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "notional");
        var extendNull = () => schedule.ExtendedBy(null!, "x");
        extendNull.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void SizeScaled_RatesAreNamedAndBounded()
    {
        var initial = () => new SizeScaledMargin(1m, 0.01m, 0m);
        initial.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "sizeScaled.initialRate");
        var zero = () => new SizeScaledMargin(0m, 0m, 0m);
        zero.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "sizeScaled.initialRate").WithMessage("*must be above 0*");
        var mm = () => new SizeScaledMargin(0.02m, 0.03m, 0m);
        mm.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "sizeScaled.maintenanceRate");
        var perCoin = () => new SizeScaledMargin(0.02m, 0.01m, 2m);
        perCoin.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "sizeScaled.ratePerCoin");
        // 0.02 + 0.01 x 98 = 1.00: at 100 % the rule has no leverage left.
        var rule = new SizeScaledMargin(0.02m, 0.01m, 0.01m);
        var tooBig = () => rule.AtSize(98m, "s");
        tooBig.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "s").WithMessage("*a position of 98 coins takes the size-scaled IM rate to 1.00, at or above 100%*");
        var negative = () => rule.AtSize(-1m, "s");
        negative.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "s");
    }

    private static Action Haircut(params HaircutTier[] tiers) => () => HaircutSchedule.Create(HaircutBasis.Quantity, tiers, "h");

    [Fact]
    public void Haircuts_TiersRules_AtTheirEdges()
    {
        Haircut().Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "h").WithMessage("*needs at least one tier*");
        var none = () => HaircutSchedule.Create(HaircutBasis.Quantity, null!, "h");
        none.Should().Throw<InvalidMarginInputException>().WithMessage("*needs at least one tier*");
        Haircut(new HaircutTier(5m, null, 1m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "h.tiers[0].floor").WithMessage("*must be 0 (tiers start at 0 and each floor equals the previous cap) but was 5*");
        // The second floor must be the first cap, 5: a gap to 7 is named with the 5 it must be.
        Haircut(new HaircutTier(0m, 5m, 1m), new HaircutTier(7m, null, 0.9m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "h.tiers[1].floor").WithMessage("*must be 5 (tiers start at 0*but was 7*");
        Haircut(new HaircutTier(0m, null, 1m), new HaircutTier(5m, null, 0.9m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "h.tiers[0].cap").WithMessage("*only the last tier may be unbounded*");
        Haircut(new HaircutTier(0m, 0m, 1m)).Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "h.tiers[0].cap").WithMessage("*must exceed the floor 0 but was 0*");
    }

    [Fact]
    public void Haircuts_OnUsdValue_TierTheHoldingsValue()
    {
        // OKX-style tiers on USD value: 0-1,000,000 at 1.0, above at 0.9. 20 BTC at 100,000 = 2,000,000 USD:
        // 1,000,000 x 1.0 + 1,000,000 x 0.9 = 1,900,000 USD (not 20 coins tiered, and not divided by the price).
        var usd = HaircutSchedule.Create(HaircutBasis.UsdValue, [new(0m, 1_000_000m, 1m), new HaircutTier(1_000_000m, null, 0.9m)]);
        usd.CollateralValue(20m, 100_000m).Should().Be(1_900_000m);
        // A holding above a bounded USD table is refused in USD; a quantity table in coins.
        var bounded = HaircutSchedule.Create(HaircutBasis.UsdValue, [new(0m, 1_000_000m, 1m)], "usd");
        var above = () => bounded.CollateralValue(20m, 100_000m);
        above.Should().Throw<InvalidMarginInputException>().WithMessage("*a holding of 2000000 (USD) is above the last tier's cap 1000000*");
        var coins = HaircutSchedule.Create(HaircutBasis.Quantity, [new(0m, 10m, 1m)], "coins");
        var aboveCoins = () => coins.CollateralValue(20m, 100_000m);
        aboveCoins.Should().Throw<InvalidMarginInputException>().WithMessage("*a holding of 20 (coins) is above the last tier's cap 10*");
    }

    [Fact]
    public void Haircuts_Extension_RefusesNullAndASupplementBelowTheCap()
    {
        var bounded = HaircutSchedule.Create(HaircutBasis.Quantity, [new(0m, 25m, 0.98m)]);
        var extendNull = () => bounded.ExtendedBy(null!, "x");
        extendNull.Should().Throw<ArgumentNullException>();
        var low = HaircutSchedule.Create(HaircutBasis.Quantity, [new(0m, 10m, 0.9m)]);
        var act = () => bounded.ExtendedBy(low, "supplied.haircuts[BTC]");
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "supplied.haircuts[BTC]").WithMessage("*stops at 10, not above the profile's last cap 25*");
    }
}
