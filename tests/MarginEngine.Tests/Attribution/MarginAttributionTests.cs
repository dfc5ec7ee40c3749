using MarginEngine.Accounts;
using MarginEngine.Attribution;
using MarginEngine.Json;
using MarginEngine.Portfolio;
using MarginEngine.Results;
using MarginEngine.Tests.Portfolio;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Attribution;

public class MarginAttributionTests
{
    [Fact]
    public void Portfolio_PerpetualHedgedByAFuture_WorstScenarioSharesAndMarginalCosts()
    {
        // ±16% grid, MM = 0.8 x RM, no add-ons. Long 2 BTCUSDT perp and short 1 dated future, both marked 50,000:
        // cells(s) = 100,000 s - 50,000 s = 50,000 s, worst at -16%: -8,000 -> WCL = RM = IM = 8,000, MM 6,400.
        // Legs in that scenario: perp -16,000, future +8,000 (total loss 8,000): shares 16,000 and -8,000 of IM,
        // 12,800 and -6,400 of MM. Marginal: without the perp, cells = -50,000 s -> IM 8,000 -> 8,000 - 8,000 = 0;
        // without the future, cells = 100,000 s -> IM 16,000 -> 8,000 - 16,000 = -8,000 (the hedge saves 8,000).
        var future = PortfolioFixtures.DatedFuture(30);
        var account = Account([new Balance(Usdt, 100_000m)], [new Position(BtcUsdt, 2m, 50_000m), new Position(future, -1m, 50_000m)]);
        var market = PortfolioFixtures.Market([("BTCUSDT", 50_000), ("BTCUSDT-F", 50_000)]);

        var costs = MarginAttribution.Of(account, market, PortfolioFixtures.Profile(PortfolioFixtures.Unit()), MarginMethod.Portfolio);

        var perp = costs.Single(c => c.Id == "BTCUSDT");
        var hedge = costs.Single(c => c.Id == "BTCUSDT-F");
        (perp.InitialMargin, perp.MaintenanceMargin, perp.WorstScenarioShare, perp.AddOnShare).Should().Be((16_000, 12_800, 16_000, 0));
        (hedge.InitialMargin, hedge.MaintenanceMargin, hedge.WorstScenarioShare).Should().Be((-8_000, -6_400, -8_000));
        perp.MarginalInitialMargin!.Value.Should().BeApproximately(0, 1e-6);
        hedge.MarginalInitialMargin!.Value.Should().BeApproximately(-8_000, 1e-6);
        (perp.ShareOfPool, hedge.ShareOfPool).Should().Be((2.0, -1.0));
    }

    [Theory]
    [InlineData("deribit")]
    [InlineData("bybit")]
    [InlineData("okx")]
    public void Portfolio_AdditiveCostsSumToEachUnitsMargin(string preset)
    {
        // The options example under a venue preset (add-ons, extended cells, orders): per unit, the legs' and orders'
        // additive IM and MM add up to the unit's IM and MM from the calculator, to rounding.
        var book = BookJson.Read(TestFiles.Example("options-book.json")).Under(RiskProfilePresets.Get(preset));
        var result = PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile);
        var costs = MarginAttribution.Portfolio(book.Account, book.Market, book.Profile);

        foreach (var unit in result.Units)
        {
            var legs = costs.Where(c => c.Underlying == unit.Underlying).ToArray();
            legs.Sum(c => c.InitialMargin).Should().BeApproximately(unit.InitialMarginUsd, 1e-9 * Math.Max(1, unit.InitialMarginUsd));
            legs.Sum(c => c.MaintenanceMargin).Should().BeApproximately(unit.MaintenanceMarginUsd, 1e-9 * Math.Max(1, unit.MaintenanceMarginUsd));
            legs.Sum(c => c.WorstScenarioShare).Should().BeApproximately(unit.WorstCaseLoss * unit.UsdPerUnit, 1e-9 * Math.Max(1, unit.WorstCaseLoss * unit.UsdPerUnit));
        }
    }

    [Fact]
    public void Cross_EachPositionsOwnMarginAndShareOfThePool()
    {
        // BTCUSDT long 1 @ 50,000: bracket 2 (100x) -> IM 500, MM 250 - 50 = 200; ETHUSDT short 10 @ 3,000: notional
        // 30,000, bracket 2 (75x, 0.65%, cum 15) -> IM 400, MM 195 - 15 = 180. Shares of the pool's 900: 5/9 and 4/9.
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 50_000m), new Position(EthUsdt, -10m, 3_000m)]);
        var costs = MarginAttribution.Of(account, Market(("BTCUSDT", 50_000), ("ETHUSDT", 3_000)), Profile(), MarginMethod.Cross);

        var btc = costs.Single(c => c.Id == "BTCUSDT");
        var eth = costs.Single(c => c.Id == "ETHUSDT");
        (btc.InitialMargin, btc.MaintenanceMargin, btc.MarginalInitialMargin).Should().Be((500, 200, 500));
        (eth.InitialMargin, eth.MaintenanceMargin).Should().Be((400, 180));
        btc.ShareOfPool!.Value.Should().BeApproximately(5.0 / 9, 1e-12);
        eth.ShareOfPool!.Value.Should().BeApproximately(4.0 / 9, 1e-12);
    }

    [Fact]
    public void MethodTheProfileLacks_IsTyped()
    {
        var account = Account([new Balance(Usdt, 10_000m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        FluentActions.Invoking(() => MarginAttribution.Of(account, Market(("BTCUSDT", 50_000)), Profile(), MarginMethod.Portfolio))
            .Should().Throw<MarginEngine.Errors.MissingRiskParameterException>();
    }
}
