using MarginEngine.Json;

namespace MarginEngine.Tests.Json;

public class RiskProfilePresetsTests
{
    [Fact]
    public void Names_AreTheVenuesAndClearingHouseShapes()
    {
        RiskProfilePresets.Names.Should().Equal("binance", "bybit", "deribit", "kucoin", "okx", "span");
    }

    [Theory]
    [InlineData("binance")]
    [InlineData("bybit")]
    [InlineData("kucoin")]
    [InlineData("okx")]
    [InlineData("deribit")]
    [InlineData("span")]
    public void EveryPreset_Loads(string name)
    {
        RiskProfilePresets.Get(name).Name.Should().Be(name);
    }

    [Fact]
    public void Binance_PublishedCumsPassTheContinuityCheck_AndGiveThePublishedMm()
    {
        // The preset states every cum; loading checks them. MM(500,000) = 500,000 x 1% - 1,300 = 3,700 (methods.md §1).
        RiskProfilePresets.Get("binance").GetBrackets("BTCUSDT").MaintenanceMargin(500_000m).Should().Be(3_700m);
    }

    [Fact]
    public void Bybit_RiskLimitStepsByHand()
    {
        // 2,000,000 USDT steps; MMR 0.5% + 0.5% per step. cum_2 = 2,000,000 x 0.005 = 10,000; cum_3 = 4,000,000 x 0.005 + 10,000 = 30,000.
        // MM(3,000,000) = 3,000,000 x 1% - 10,000 = 20,000. Step 2 leverage: 1 / (1% + 0.75%) = 57.14x as announced.
        var schedule = RiskProfilePresets.Get("bybit").GetBrackets("BTCUSDT");
        schedule.MaintenanceMargin(3_000_000m).Should().Be(20_000m);
        schedule.Brackets[1].MaxLeverage.Should().Be(57.14m);
        schedule.Brackets[2].MaintenanceAmount.Should().Be(30_000m);
    }

    [Fact]
    public void Okx_UsdtDiscountTiers_AreMarginal()
    {
        // 11,000,000 USDT: 5M x 1 + 5M x 0.9 + 1M x 0.8 = 10,300,000.
        RiskProfilePresets.Get("okx").GetHaircut("USDT").CollateralValue(11_000_000m, 1m).Should().Be(10_300_000m);
    }

    [Fact]
    public void Deribit_GridIsNinePointsThreeVolsAndEightExtended()
    {
        // methods.md §3: 4 buckets -> 9 points, x 3 vol states = 27, + 8 extended moves = 35 scenarios; BTC range 16%.
        var btc = RiskProfilePresets.Get("deribit").GetPortfolio().For("BTC", "deribit");
        btc.Scenarios().Should().HaveCount(35);
        btc.PriceMoves.Should().Equal(-0.16, -0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12, 0.16);
    }

    [Fact]
    public void Span_SixteenScenariosWithExtremesAtThirtyFivePercent()
    {
        // methods.md §5: 7 price points x vol up/down = 14 at 100%, plus ±2 x range at 35% = 16.
        var btc = RiskProfilePresets.Get("span").GetPortfolio().For("BTC", "span");
        var scenarios = btc.Scenarios();
        scenarios.Should().HaveCount(16);
        scenarios.Where(s => s.Kind == MarginEngine.Scenarios.ScenarioKind.Extreme).Select(s => (s.PriceMove, s.Weight))
            .Should().Equal((-0.32, 0.35), (0.32, 0.35));
    }

    [Fact]
    public void PresetBook_ComputesWithThePresetProfile()
    {
        var book = BookJson.Read(TestFiles.Example("binance-preset-book.json"));
        book.Profile.Name.Should().Be("binance");
    }
}
