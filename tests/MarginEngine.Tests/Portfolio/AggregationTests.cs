using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Profiles;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Portfolio;

/// <summary>
/// Two units: long 1 BTC perpetual (worst -16% = 8,000) and a second ETH book. Unit figures by hand:
/// BTC 1 x 50,000 x 0.16 = 8,000 at -16%; ETH 10 x 3,000 x 0.16 = 4,800 at +16% (short) or -16% (long). MM factor 0.8.
/// </summary>
public class AggregationTests
{
    private static readonly MarginEngine.MarketData.MarketSnapshot Prices = Market([("BTCUSDT", 50_000), ("ETHUSDT", 3_000)]);

    private static MarginEngine.Results.PortfolioMarginResult Run(CrossUnitAggregation aggregation, decimal ethQuantity) =>
        PortfolioFixtures.Run(Profile(Unit(), aggregation), Prices, new Position(BtcUsdt, 1m, 50_000m), new Position(EthUsdt, ethQuantity, 3_000m));

    [Fact]
    public void NoOffset_UnitsAddUp()
    {
        // 8,000 + 4,800 = 12,800; IM = 12,800, MM = 0.8 x 12,800 = 10,240.
        var result = Run(new CrossUnitAggregation.NoOffset(), -10m);
        result.CrossUnitOffsetUsd.Should().Be(0);
        result.Report.InitialMargin.Should().Be(12_800m);
        result.Report.MaintenanceMargin.Should().Be(10_240m);
    }

    [Fact]
    public void PairCredit_OffsettingUnits_GetTheRateOfTheSmallerLoss()
    {
        // Long BTC, short ETH: deltas offset. Credit 55% x min(8,000, 4,800) = 2,640 -> IM 10,160, MM 8,128.
        var result = Run(new CrossUnitAggregation.PairCredit([new UnitPairCredit("BTC", "ETH", 0.55)]), -10m);
        result.CrossUnitOffsetUsd.Should().BeApproximately(2_640, 1e-6);
        result.Report.InitialMargin.Should().Be(10_160m);
        result.Report.MaintenanceMargin.Should().Be(8_128m);
    }

    [Fact]
    public void PairCredit_SameDirection_GetsNothing()
    {
        // Long BTC and long ETH do not offset: no credit.
        Run(new CrossUnitAggregation.PairCredit([new UnitPairCredit("BTC", "ETH", 0.55)]), 10m).CrossUnitOffsetUsd.Should().Be(0);
    }

    private static CrossUnitAggregation.SpreadCredits Spreads(params (double Rate, double Btc, double Eth)[] spreads) =>
        new([.. spreads.Select(s => new InterCommoditySpread(s.Rate, [new SpreadLeg("BTC", s.Btc), new SpreadLeg("ETH", s.Eth)]))]);

    [Fact]
    public void SpreadCredit_EachLegCreditedAtTheRate()
    {
        // SPAN inter-commodity spread, long 1 BTC against short 10 ETH, 50%. Deltas BTC +1, ETH -10: one spread.
        // BTC leg 0.5 x 1 x (8,000 / 1) = 4,000; ETH leg 0.5 x 10 x (4,800 / 10) = 2,400. Credit 6,400 -> IM 6,400, MM 5,120.
        var result = Run(Spreads((0.5, 1, -10)), -10m);
        result.CrossUnitOffsetUsd.Should().BeApproximately(6_400, 1e-6);
        (result.Report.InitialMargin, result.Report.MaintenanceMargin).Should().Be((6_400m, 5_120m));
    }

    [Fact]
    public void SpreadCredit_TheRatioLimitsHowManySpreadsForm()
    {
        // 1 BTC against 20 ETH per spread, but only 10 ETH short: 0.5 spread. BTC leg 0.5 x 0.5 x 8,000 = 2,000;
        // ETH leg 0.5 x (0.5 x 20) x 480 = 2,400. Credit 4,400.
        Run(Spreads((0.5, 1, -20)), -10m).CrossUnitOffsetUsd.Should().BeApproximately(4_400, 1e-6);
    }

    [Fact]
    public void SpreadCredit_PriorityOrder_UsesDeltasUp()
    {
        // First 30% at 1 BTC : 4 ETH: one spread, BTC 0.3 x 8,000 = 2,400, ETH 0.3 x 4 x 480 = 576; BTC delta all used,
        // so the 50% spread after it forms none: 2,976. The other way round the 50% spread takes everything: 6,400.
        Run(Spreads((0.3, 1, -4), (0.5, 1, -10)), -10m).CrossUnitOffsetUsd.Should().BeApproximately(2_976, 1e-6);
        Run(Spreads((0.5, 1, -10), (0.3, 1, -4)), -10m).CrossUnitOffsetUsd.Should().BeApproximately(6_400, 1e-6);
    }

    [Fact]
    public void SpreadCredit_DeltasOnTheSameSide_FormNoSpread()
    {
        // Long BTC and long ETH do not match the long-BTC / short-ETH spread (nor its mirror): no credit.
        Run(Spreads((0.5, 1, -10)), 10m).CrossUnitOffsetUsd.Should().Be(0);
    }

    [Fact]
    public void ScanningSpread_LossLegLessTheRateTimesTheGainLeg()
    {
        // Cells by move m (vol does not matter for perpetuals): BTC 50,000 m; short 10 ETH -30,000 m. Rate 50%:
        // m < 0: BTC loses 50,000|m|, ETH gains 30,000|m| -> 50,000|m| - 15,000|m| = 35,000|m|, worst at -16%: 5,600;
        // m > 0: ETH loses 30,000 m, BTC gains 50,000 m -> 5,000 m, 800 at +16%. Requirement 5,600 instead of
        // 8,000 + 4,800: credit 7,200 -> IM 5,600, MM 4,480.
        var result = Run(new CrossUnitAggregation.ScanningSpreads([new UnitPairCredit("BTC", "ETH", 0.5)]), -10m);
        result.CrossUnitOffsetUsd.Should().BeApproximately(7_200, 1e-6);
        (result.Report.InitialMargin, result.Report.MaintenanceMargin).Should().Be((5_600m, 4_480m));
    }

    [Fact]
    public void Correlation_OppositeExposures_Diversify()
    {
        // Return correlation 0.8; BTC loses on a fall, ETH (short) on a rise: loss correlation -0.8.
        // sqrt(8,000² + 4,800² - 2 x 0.8 x 8,000 x 4,800) = sqrt(25,600,000) = 5,059.6443 -> offset 12,800 - 5,059.6443 = 7,740.3557.
        var result = Run(Correlation(0.8), -10m);
        result.CrossUnitOffsetUsd.Should().BeApproximately(7_740.3557, 1e-4);
        result.Report.InitialMargin.Should().Be(5_059.65m);
    }

    [Fact]
    public void Correlation_SameDirection_DiversifiesLittle()
    {
        // Both long: loss correlation +0.8: sqrt(64,000,000 + 23,040,000 + 61,440,000) = 12,185.2369 -> offset 614.7631.
        Run(Correlation(0.8), 10m).CrossUnitOffsetUsd.Should().BeApproximately(614.7631, 1e-4);
    }

    private static CrossUnitAggregation.Correlation Correlation(double rho) =>
        new(["BTC", "ETH"], [ImmutableArray.Create(1.0, rho), ImmutableArray.Create(rho, 1.0)]);
}
