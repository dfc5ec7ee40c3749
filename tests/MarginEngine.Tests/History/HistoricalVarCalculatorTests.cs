using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.History;
using MarginEngine.Results;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.History;

public class HistoricalVarCalculatorTests
{
    // BTC and ETH move together: +2%, -5%, +2%, -10%, +3% (prices 100, 102, 96.9, 98.838, 88.9542, 91.622826).
    private const string Csv = """
        date,BTC,ETH
        2026-11-14,100,1000
        2026-11-15,102,1020
        2026-11-16,96.9,969
        2026-11-17,98.838,988.38
        2026-11-18,88.9542,889.542
        2026-11-19,91.622826,916.22826
        """;

    private static readonly MarginEngine.MarketData.MarketSnapshot Prices = Market([("BTCUSDT", 50_000), ("ETHUSDT", 3_000)]);

    private static HistoricalVarResult Run(HistoricalVarParameters p, params Position[] positions) =>
        HistoricalVarCalculator.Calculate(Account([new Balance(Usdt, 100_000m)], positions), Prices, Profile(Unit()), PriceHistoryCsv.Read(Csv), p);

    [Fact]
    public void LongBtc_VarAndShortfallByHand()
    {
        // Long 1 BTC at 50,000: P&L 50,000 x r = +1,000, -2,500, +1,000, -5,000, +1,500; sorted -5,000, -2,500, 1,000, 1,000, 1,500.
        // 80%: the 0.2 inverse-empirical-CDF quantile is -5,000 -> VaR 5,000, ES 5,000.
        // 60%: quantile 0.4 is -2,500 -> VaR 2,500; ES = mean(5,000, 2,500) = 3,750.
        var btc = new Position(BtcUsdt, 1m, 50_000m);
        var at80 = Run(new HistoricalVarParameters(0.8, RiskMeasure.ValueAtRisk), btc);
        at80.ValueAtRisk.Should().BeApproximately(5_000, 1e-6);
        at80.Margin.Should().BeApproximately(5_000, 1e-6);
        at80.WorstDate.Should().Be(new NodaTime.LocalDate(2026, 11, 18));
        var at60 = Run(new HistoricalVarParameters(0.6, RiskMeasure.ExpectedShortfall), btc);
        at60.ValueAtRisk.Should().BeApproximately(2_500, 1e-6);
        at60.ExpectedShortfall.Should().BeApproximately(3_750, 1e-6);
        at60.Margin.Should().BeApproximately(3_750, 1e-6);
    }

    [Fact]
    public void JointScenarios_CaptureTheOffsetBetweenUnits()
    {
        // Add short 10 ETH at 3,000 (30,000 USD): its P&L -30,000 x r = -600, +1,500, -600, +3,000, -900.
        // Joint daily sums: 400, -1,000, 400, -2,000, 600 -> VaR(80%) = 2,000, far below 5,000 + 900 for the units apart.
        var result = Run(new HistoricalVarParameters(0.8, RiskMeasure.ValueAtRisk), new Position(BtcUsdt, 1m, 50_000m), new Position(EthUsdt, -10m, 3_000m));
        result.ValueAtRisk.Should().BeApproximately(2_000, 1e-6);
    }

    [Fact]
    public void StressGrid_FloorsTheResult()
    {
        // Long 1 BTC: VaR(80%) 5,000; the ±16% grid's IM is 8,000 -> margin 8,000.
        var result = Run(new HistoricalVarParameters(0.8, RiskMeasure.ValueAtRisk, floorByStressGrid: true), new Position(BtcUsdt, 1m, 50_000m));
        result.StressGridMargin.Should().Be(8_000);
        result.Margin.Should().Be(8_000);
    }

    [Fact]
    public void TwoDayHorizon_UsesOverlappingReturns()
    {
        // 2-day returns: 96.9/100 - 1 = -3.1%, 98.838/102 - 1 = -3.1%, 88.9542/96.9 - 1 = -8.2%, 91.622826/98.838 - 1 = -7.3%.
        // Long 1 BTC: -1,550, -1,550, -4,100, -3,650 -> VaR(75%): quantile 0.25 is -4,100.
        var result = Run(new HistoricalVarParameters(0.75, RiskMeasure.ValueAtRisk, horizonDays: 2), new Position(BtcUsdt, 1m, 50_000m));
        result.Scenarios.Should().HaveCount(4);
        result.ValueAtRisk.Should().BeApproximately(4_100, 1e-6);
    }

    [Fact]
    public void MissingSeries_ThrowsNamingTheUnderlying()
    {
        var history = PriceHistoryCsv.Read("date,ETH\n2026-11-14,1000\n2026-11-15,1010\n");
        var act = () => HistoricalVarCalculator.Calculate(Account([new Balance(Usdt, 1m)], [new Position(BtcUsdt, 1m, 50_000m)]), Prices, Profile(Unit()), history, new HistoricalVarParameters());
        act.Should().Throw<MissingMarketDataException>().Where(e => e.Id == "BTC");
    }

    [Fact]
    public void Csv_BadPrice_NamesLineAndColumn()
    {
        var act = () => PriceHistoryCsv.Read("date,BTC\n2026-11-14,100\n2026-11-15,abc\n", "prices.csv");
        act.Should().Throw<ConfigurationException>().Where(e => e.JsonPath == "line 3, column BTC");
    }

    [Fact]
    public void Csv_UnsortedDates_AreRejected()
    {
        var act = () => PriceHistoryCsv.Read("date,BTC\n2026-11-15,100\n2026-11-14,101\n");
        act.Should().Throw<ConfigurationException>().Where(e => e.Message.Contains("dates must increase"));
    }
}
