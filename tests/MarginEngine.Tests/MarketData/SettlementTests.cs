using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Tests.Portfolio;
using NodaTime;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.MarketData;

/// <summary>Options marked at 0, and options past expiry awaiting settlement (methodology §Options).</summary>
public class SettlementTests
{
    private static readonly EuropeanOption Expired = new("BTC-C45-X", Btc, Usdt, Settlement.Linear, OptionRight.Call, 45_000m, Now.Minus(Duration.FromHours(1)));
    private static readonly EuropeanOption FarOtm = new("BTC-C130", Btc, Usdt, Settlement.Linear, OptionRight.Call, 130_000m, Now.Plus(Duration.FromDays(1)));

    private static MarketSnapshot Snapshot(double? settlement) => new(Now,
        new Dictionary<string, double> { ["USDT"] = 1, ["BTC"] = 50_000 },
        new Dictionary<string, double> { [FarOtm.Id] = 0, ["BTCUSDT"] = 50_000 },
        new Dictionary<string, double> { [FarOtm.Id] = 0.5 },
        settlementPrices: settlement is { } p ? [("BTC", Expired.Expiry, p)] : null);

    [Fact]
    public void ZeroMark_IsAValidOptionMark()
    {
        // Short 1 far OTM call marked 0, entry 50, index 50,000 (Bybit rates): OTM = 80,000.
        // MM = max(0.03 x 50,000, 0) + 0 + 0.002 x 50,000 = 1,600; IM = max(max(7,500 - 80,000, 5,000) + max(50, 0), 1,600) = 5,050.
        var account = Account([new(Usdt, 10_000m)], [new(FarOtm, -1m, 50m)]);
        var report = CrossMarginCalculator.Calculate(account, Snapshot(null), Profile());
        (report.MaintenanceMargin, report.InitialMargin).Should().Be((1_600m, 5_050m));
    }

    [Fact]
    public void ZeroMark_OnAPerpetual_IsRejectedNamingIt()
    {
        var market = Snapshot(null).WithMarkPrice("BTCUSDT", 0);
        var account = Account([new(Usdt, 10_000m)], [new(BtcUsdt, 1m, 50_000m)]);
        var act = () => CrossMarginCalculator.Calculate(account, market, Profile());
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "markPrices[BTCUSDT]");
    }

    [Fact]
    public void ExpiredOption_AwaitingSettlement_IsWorthItsIntrinsicValue()
    {
        // Settlement 50,000, call K 45,000: intrinsic 5,000. Long 2: equity 10,000 + 2 x 5,000 = 20,000, no margin.
        // Short 1: the 5,000 owed sits in MM and IM (as a live short's mark does); equity stays 10,000.
        var market = Snapshot(50_000);
        var longs = CrossMarginCalculator.Calculate(Account([new(Usdt, 10_000m)], [new(Expired, 2m, 1_000m)]), market, Profile());
        (longs.Equity, longs.InitialMargin, longs.MaintenanceMargin).Should().Be((20_000m, 0m, 0m));
        var shorts = CrossMarginCalculator.Calculate(Account([new(Usdt, 10_000m)], [new(Expired, -1m, 1_000m)]), market, Profile());
        (shorts.Equity, shorts.InitialMargin, shorts.MaintenanceMargin).Should().Be((10_000m, 5_000m, 5_000m));
    }

    [Fact]
    public void ExpiredOption_InPortfolioMargin_CarriesNoScenarioRisk()
    {
        // The settled call is out of the risk unit (its value is fixed); only the perpetual is: long 1 at 50,000 loses
        // 8,000 at -16%. Equity counts the settled value 2 x 5,000 on top of the 10,000 balance.
        var profile = PortfolioFixtures.Profile(PortfolioFixtures.Unit());
        var account = Account([new(Usdt, 10_000m)], [new(Expired, 2m, 1_000m), new(BtcUsdt, 1m, 50_000m)]);
        var result = PortfolioMarginCalculator.Calculate(account, Snapshot(50_000), profile);
        result.Units.Single().WorstCaseLoss.Should().BeApproximately(8_000, 1e-6);
        result.Report.Equity.Should().Be(20_000m);
    }

    [Fact]
    public void ExpiredOption_WithoutASettlementPrice_IsRejected()
    {
        var act = () => CrossMarginCalculator.Calculate(Account([new(Usdt, 10_000m)], [new(Expired, 1m, 1_000m)]), Snapshot(null), Profile());
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "instruments[BTC-C45-X].expiry" && e.Message.Contains("no settlement price"));
    }
}
