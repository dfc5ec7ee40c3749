using MarginEngine.Brackets;
using MarginEngine.Errors;

namespace MarginEngine.Tests.Brackets;

public class BracketScheduleTests
{
    [Fact]
    public void Find_PublishedExample264k_IsTheOnePercentBracket()
    {
        // methods.md §1, BTCUSDT: 264,000 lies in [250,000, 1,000,000) whose mmr is 1%.
        Fixtures.BinanceBtcUsdt().Find(264_000m).MaintenanceMarginRate.Should().Be(0.01m);
    }

    [Fact]
    public void MaintenanceMargin_PublishedExample500k_IsNotionalTimesMmrLessCum()
    {
        // cum_2 = 50,000 x (0.005 - 0.004) + 0 = 50; cum_3 = 250,000 x (0.01 - 0.005) + 50 = 1,300.
        // MM(500,000) = 500,000 x 1% - 1,300 = 3,700 (the published example).
        var schedule = Fixtures.BinanceBtcUsdt();
        schedule.Find(500_000m).MaintenanceAmount.Should().Be(1_300m);
        schedule.MaintenanceMargin(500_000m).Should().Be(3_700m);
    }

    [Fact]
    public void Create_DerivesEveryCumOfThePublishedTable()
    {
        // Published Binance cums: 0, 50, 1,300, 16,300, 266,300, 1,266,300, 2,516,300, 5,016,300, 25,016,300, 100,016,300
        // e.g. cum_4 = 1,000,000 x (0.025 - 0.01) + 1,300 = 16,300.
        Fixtures.BinanceBtcUsdt().Brackets.Select(b => b.MaintenanceAmount).Should().Equal(
            0m, 50m, 1_300m, 16_300m, 266_300m, 1_266_300m, 2_516_300m, 5_016_300m, 25_016_300m, 100_016_300m);
    }

    [Fact]
    public void Find_FloorIsInclusive_CapIsExclusive()
    {
        // 250,000 is the floor of bracket 3 and the cap of bracket 2.
        Fixtures.BinanceBtcUsdt().Find(250_000m).Tier.Should().Be(3);
        Fixtures.BinanceBtcUsdt().Find(249_999.99m).Tier.Should().Be(2);
    }

    [Fact]
    public void MaintenanceMargin_IsContinuousAcrossABracketBoundary()
    {
        // At 250,000: bracket 2 gives 250,000 x 0.5% - 50 = 1,200; bracket 3 gives 250,000 x 1% - 1,300 = 1,200.
        var schedule = Fixtures.BinanceBtcUsdt();
        schedule.Brackets[1].MaintenanceMargin(250_000m).Should().Be(1_200m);
        schedule.MaintenanceMargin(250_000m).Should().Be(1_200m);
    }

    [Fact]
    public void Create_StatedCumThatBreaksContinuity_ThrowsNamingTheField()
    {
        var act = () => BracketSchedule.Create([new(0m, 50_000m, 125m, 0.004m, 0m), new(50_000m, null, 100m, 0.005m, 60m)], "brackets[BTCUSDT]");
        act.Should().Throw<InvalidMarginInputException>()
            .Where(e => e.Field == "brackets[BTCUSDT][1].maintenanceAmount" && e.Message.Contains("requires 50"));
    }

    [Fact]
    public void Create_OverlappingTiers_ThrowsNamingTheFloor()
    {
        var act = () => BracketSchedule.Create([new(0m, 50_000m, 125m, 0.004m), new(40_000m, null, 100m, 0.005m)], "brackets[X]");
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "brackets[X][1].notionalFloor");
    }

    [Fact]
    public void Create_UnsortedTiers_Throw()
    {
        var act = () => BracketSchedule.Create([new(50_000m, null, 100m, 0.005m), new(0m, 50_000m, 125m, 0.004m)], "brackets[X]");
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "brackets[X][0].notionalFloor");
    }

    [Fact]
    public void Create_FallingMaintenanceRate_Throws()
    {
        var act = () => BracketSchedule.Create([new(0m, 50_000m, 125m, 0.005m), new(50_000m, null, 100m, 0.004m)], "brackets[X]");
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "brackets[X][1].maintenanceMarginRate");
    }

    [Fact]
    public void Create_UnboundedTierBeforeTheLast_Throws()
    {
        var act = () => BracketSchedule.Create([new(0m, null, 125m, 0.004m), new(50_000m, null, 100m, 0.005m)], "brackets[X]");
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "brackets[X][0].notionalCap");
    }
}
