using MarginEngine.Collateral;
using MarginEngine.Errors;

namespace MarginEngine.Tests.Collateral;

public class HaircutScheduleTests
{
    private static HaircutSchedule UsdtTiers() => HaircutSchedule.Create(HaircutBasis.UsdValue,
    [
        new(0m, 5_000_000m, 1m),
        new(5_000_000m, 10_000_000m, 0.9m),
        new(10_000_000m, null, 0.8m),
    ]);

    [Fact]
    public void CollateralValue_UsdTiers_ApplyMarginally()
    {
        // methods.md §2: 5M x 1 + 5M x 0.9 + 1M x 0.8 = 5,000,000 + 4,500,000 + 800,000 = 10,300,000.
        UsdtTiers().CollateralValue(11_000_000m, 1m).Should().Be(10_300_000m);
    }

    [Fact]
    public void CollateralValue_HoldingInsideTheFirstTier_CountsAtItsRatio()
    {
        // 3M x 1 = 3M: nothing reaches the 0.9 tier.
        UsdtTiers().CollateralValue(3_000_000m, 1m).Should().Be(3_000_000m);
    }

    [Fact]
    public void CollateralValue_QuantityTiers_ApplyMarginallyThenPrice()
    {
        // 12 BTC at 50,000 with tiers 0-10 x 0.95, 10-50 x 0.9: (10 x 0.95 + 2 x 0.9) x 50,000 = 11.3 x 50,000 = 565,000.
        var schedule = HaircutSchedule.Create(HaircutBasis.Quantity, [new(0m, 10m, 0.95m), new(10m, 50m, 0.9m), new(50m, null, 0.8m)]);
        schedule.CollateralValue(12m, 50_000m).Should().Be(565_000m);
    }

    [Fact]
    public void CollateralValue_Borrow_CountsAtFullValue()
    {
        // -2 ETH at 3,000 = -6,000, never discounted.
        HaircutSchedule.Flat(0.9m).CollateralValue(-2m, 3_000m).Should().Be(-6_000m);
    }

    [Fact]
    public void Create_RatioAboveOne_ThrowsWithRuleAndValue()
    {
        var act = () => HaircutSchedule.Flat(1.2m, "haircuts[BTC]");
        act.Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "haircuts[BTC].tiers[0].collateralRatio" && e.Message.Contains("must be in [0, 1] but was 1.2"));
    }

    [Fact]
    public void Create_OverlappingTiers_Throw()
    {
        var act = () => HaircutSchedule.Create(HaircutBasis.UsdValue, [new(0m, 5_000_000m, 1m), new(4_000_000m, null, 0.9m)], "haircuts[USDT]");
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "haircuts[USDT].tiers[1].floor");
    }

    [Fact]
    public void BoundedLastTier_ValuesUpToItsCap_AndThrowsAbove()
    {
        // A published table that stops at 5,000,000 USD: 5,000,000 counts in full; one dollar more is beyond the table.
        var schedule = HaircutSchedule.Create(HaircutBasis.UsdValue, [new(0m, 5_000_000m, 1m)], "haircuts[USDT]");
        schedule.CollateralValue(5_000_000m, 1m).Should().Be(5_000_000m);
        var act = () => schedule.CollateralValue(5_000_001m, 1m);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "haircuts[USDT]" && e.Message.Contains("5000000"));
    }

    [Fact]
    public void KucoinPublishedWorkedExample_660Btc()
    {
        // KuCoin's worked example (venue-parameters.md §4.2, finer example ladder): 660 BTC at 100,000 USD
        // = 500 x 98% x 100,000 + 100 x 97.5% x 100,000 + 60 x 97% x 100,000 = 64,570,000 USD.
        var schedule = HaircutSchedule.Create(HaircutBasis.Quantity,
        [
            new(0m, 500m, 0.98m), new(500m, 600m, 0.975m), new(600m, 700m, 0.97m), new(700m, 800m, 0.965m),
            new(800m, 900m, 0.96m), new(900m, 1_000m, 0.955m), new(1_000m, null, 0.95m),
        ]);
        schedule.CollateralValue(660m, 100_000m).Should().Be(64_570_000m);
    }
}
