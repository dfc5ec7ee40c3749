using MarginEngine.Errors;
using MarginEngine.Json;

namespace MarginEngine.Tests.Json;

public class RiskProfilePresetsTests
{
    [Fact]
    public void Names_AreTheVenuesAndClearingHouseShapes()
    {
        RiskProfilePresets.Names.Should().Equal("binance", "bybit", "deribit", "derive", "kucoin", "okx", "span");
    }

    public static TheoryData<string> Presets() => new(RiskProfilePresets.Names);

    [Theory]
    [MemberData(nameof(Presets))]
    public void EveryTablesEntry_NamesARuleThePresetReallyHas(string name)
    {
        // docs/presets.md and `margin presets` print the tables entries as the preset's sources: each must name a rule
        // the loaded profile holds, or the docs claim a figure the engine does not use (bybit's ETH unit did).
        var profile = RiskProfilePresets.Get(name);
        profile.Provenance.Tables.Should().NotBeEmpty();
        foreach (var key in profile.Provenance.Tables.Keys)
        {
            var held = key.Split(':', 2) switch
            {
                ["brackets", var k] => profile.Brackets.ContainsKey(k),
                ["sizeScaled", var k] => profile.SizeScaled.ContainsKey(k),
                ["haircuts", var k] => profile.Haircuts.ContainsKey(k),
                ["options"] => profile.Options is not null,
                ["portfolio"] => profile.Portfolio is not null,
                ["portfolio", var unit] => profile.Portfolio?.Units.ContainsKey(unit) == true,
                ["unified"] => profile.Unified is not null,
                ["borrow"] => true,
                ["fees"] => profile.Fees.TakerRate > 0,
                _ => false,
            };
            held.Should().BeTrue($"preset '{name}' lists a source for '{key}'");
        }
    }

    [Fact]
    public void Bybit_EthUnit_IsThePublishedTenPercent_NotTheFifteenPercentDefault()
    {
        // venue-parameters.md §2.5: from 2025-01-10 BTC and ETH units stress -10 %...+10 %; other coins keep the 15 % default.
        var portfolio = RiskProfilePresets.Get("bybit").GetPortfolio();
        portfolio.For("ETH", "bybit").PriceRange.Should().Be(0.10);
        portfolio.For("BTC", "bybit").PriceRange.Should().Be(0.10);
        portfolio.For("SOL", "bybit").PriceRange.Should().Be(0.15);
    }

    [Theory]
    [InlineData("portfolio:XRP", "bybit")]   // no XRP unit (XRP falls to the default)
    [InlineData("fees:whatever", "bybit")]   // fees has no sub-keys
    [InlineData("unified", "bybit")]         // bybit has no unified ladder
    [InlineData("portfolio", "kucoin")]      // kucoin has no portfolio section
    [InlineData("fees", "deribit")]          // deribit's preset has no fees section
    [InlineData("borrow:USDT", "bybit")]     // borrow rates are one table
    public void TablesKey_NamingNothing_IsRejectedWithItsPath(string key, string preset)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(RiskProfilePresets.GetJson(preset))!.AsObject();
        json["tables"]![key] = new System.Text.Json.Nodes.JsonObject { ["provenance"] = "published", ["asOf"] = "2025", ["source"] = "x" };
        var act = () => RiskProfileJson.Read(json.ToJsonString(), "test.json");
        act.Should().Throw<ConfigurationException>().WithMessage($"*{key}*names no table of this profile*");
    }

    [Fact]
    public void Binance_BtcUsdt2026Table_PublishedCumsPassTheContinuityCheck_AndGiveMmByHand()
    {
        // venue-parameters.md §1.1 (2026-03-05): cum_2 = 300,000 x (0.5% - 0.4%) = 300; cum_3 = 300 + 800,000 x (0.65% - 0.5%) = 1,500.
        // The preset states every cum and loading checks them. MM(1,000,000) = 1,000,000 x 0.65% - 1,500 = 5,000.
        var schedule = RiskProfilePresets.Get("binance").GetBrackets("BTC/USDT perpetual");
        schedule.Brackets[2].MaintenanceAmount.Should().Be(1_500m);
        schedule.MaintenanceMargin(1_000_000m).Should().Be(5_000m);
    }

    [Fact]
    public void Binance_BookSymbolResolvesToTheProductTable()
    {
        // The book's BTCUSDT is a linear BTC perpetual settled in USDT: key "BTC/USDT perpetual"; bracket 1 is 150x to 300,000.
        var schedule = RiskProfilePresets.Get("binance").GetBrackets(Fixtures.BtcUsdt, 1m);
        schedule.Brackets[0].MaxLeverage.Should().Be(150m);
        schedule.Brackets[0].NotionalCap.Should().Be(300_000m);
    }

    [Fact]
    public void Binance_SolUsdCoinM_CumDerivedByTheContinuityRule()
    {
        // venue-parameters.md §1.3c, caps in SOL: cum_2 = 400 x (2% - 1%) = 4; cum_3 = 4 + 2,300 x (2.5% - 2%) = 15.5.
        // MM(3,000 SOL) = 3,000 x 2.5% - 15.5 = 59.5 SOL.
        var schedule = RiskProfilePresets.Get("binance").GetBrackets("SOL inverse perpetual");
        schedule.MaintenanceMargin(3_000m).Should().Be(59.5m);
    }

    [Fact]
    public void Bybit_BtcUsdtMmDeduction_ByHand()
    {
        // venue-parameters.md §2.1a: tier 2 (300,000 - 2,000,000) MMR 0.5%, mmDeduction 510 = 300,000 x (0.5% - 0.33%).
        // MM(1,000,000) = 1,000,000 x 0.5% - 510 = 4,490.
        var schedule = RiskProfilePresets.Get("bybit").GetBrackets("BTC/USDT perpetual");
        schedule.Brackets[1].MaintenanceAmount.Should().Be(510m);
        schedule.MaintenanceMargin(1_000_000m).Should().Be(4_490m);
    }

    [Fact]
    public void Kucoin_BtcDiscountTiers_AreMarginalByQuantity()
    {
        // venue-parameters.md §4.2 (2026-01-21): 0-500 BTC 98%, 500-1,000 97%. 660 BTC at 100,000:
        // (500 x 0.98 + 160 x 0.97) x 100,000 = (490 + 155.2) x 100,000 = 64,520,000.
        RiskProfilePresets.Get("kucoin").GetHaircut("BTC").CollateralValue(660m, 100_000m).Should().Be(64_520_000m);
    }

    [Fact]
    public void Kucoin_EthTiers_ByHand_AndAboveTheLastPublishedBoundThrows()
    {
        // 20,000 ETH: 600 x .98 + 4,200 x .95 + 6,000 x .90 + 6,000 x .85 + 3,200 x .80 = 588 + 3,990 + 5,400 + 5,100 + 2,560 = 17,638 ETH.
        var eth = RiskProfilePresets.Get("kucoin").GetHaircut("ETH");
        eth.CollateralValue(20_000m, 3_000m).Should().Be(17_638m * 3_000m);
        // The published table stops at 106,800 ETH: a larger holding is an error, never a guessed ratio.
        var act = () => eth.CollateralValue(106_801m, 3_000m);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "haircuts[ETH]");
    }

    [Fact]
    public void Okx_MajorsAndOtherCoins_UseThePublishedMr1AndMr6()
    {
        // venue-parameters.md §3.4 (2025-01-06): BTC 0, ±4, ±8, ±12%; other coins 0, ±8, ±16, ±25%; SOL extreme ±36%.
        var portfolio = RiskProfilePresets.Get("okx").GetPortfolio();
        portfolio.For("BTC", "okx").PriceMoves.Should().Equal(-0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12);
        portfolio.For("DOGE", "okx").PriceMoves.Should().Equal(-0.25, -0.16, -0.08, 0, 0.08, 0.16, 0.25);
        portfolio.For("SOL", "okx").ExtremeMoves.Select(e => e.Move).Should().Equal(-0.36, 0.36);
    }

    [Fact]
    public void Deribit_PortfolioModelParameters_AsTheApiPublishesThem()
    {
        // venue-parameters.md §5.5: BTC roll shock 0.075 / 0.01, dampener 100,000, no pnl offset;
        // ETH roll shock 0.05 / 0.005, dampener 200,000, pnl offset 0.6 capped at 20,000,000.
        var portfolio = RiskProfilePresets.Get("deribit").GetPortfolio();
        var btc = portfolio.For("BTC", "deribit");
        btc.AddOns.RollShock.Should().Be(new MarginEngine.Profiles.RollShockParameters(0.075, 0.01));
        btc.ExtendedDampener.Should().Be(100_000);
        btc.PnlOffset.Should().Be(0);
        var eth = portfolio.For("ETH", "deribit");
        eth.AddOns.RollShock.Should().Be(new MarginEngine.Profiles.RollShockParameters(0.05, 0.005));
        (eth.ExtendedDampener, eth.PnlOffset, eth.PnlOffsetCap).Should().Be((200_000, 0.6, 20_000_000));
    }

    [Theory]
    [InlineData("binance")]
    [InlineData("bybit")]
    [InlineData("deribit")]
    [InlineData("derive")]
    [InlineData("kucoin")]
    [InlineData("okx")]
    [InlineData("span")]
    public void EveryTable_HasASource_AndEveryUserSuppliedFigureIsReallyAGap(string name)
    {
        var profile = RiskProfilePresets.Get(name);
        var tables = profile.Provenance.Tables;
        profile.Brackets.Keys.Select(k => $"brackets:{k}")
            .Concat(profile.SizeScaled.Keys.Select(k => $"sizeScaled:{k}"))
            .Concat(profile.Haircuts.Keys.Select(k => $"haircuts:{k}"))
            .Concat(profile.Options is null ? [] : ["options"])
            .Should().OnlyContain(key => tables.ContainsKey(key), "each table records its provenance, date and source");
        foreach (var item in profile.Provenance.UserSupplied)
        {
            var (kind, key) = item.Split(':', 2) is [var k, var v] ? (k, v) : (item, "");
            var present = kind switch
            {
                "brackets" or "sizeScaled" => profile.Brackets.ContainsKey(key) || profile.SizeScaled.ContainsKey(key),
                "haircuts" => profile.Haircuts.ContainsKey(key),
                "options" => profile.Options is not null,
                _ => throw new InvalidOperationException($"unknown user-supplied kind in '{item}'"),
            };
            present.Should().BeFalse($"'{item}' is declared user-supplied, so the preset must not carry a figure for it");
        }
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
    public void PresetBook_IsMarginedWithThePresetsPublishedBrackets()
    {
        // "profile": "binance" gives the 2026-03-05 tables (venue-parameters.md §1.1): BTC and ETH/USDT tier 1, 0-300,000 at
        // MMR 0.4 %, 150x. Short 2 BTCUSDT at 95,050 = 190,100 and long 25 ETHUSDT at 3,101.5 = 77,537.5, both in tier 1:
        // MM = 0.004 x (190,100 + 77,537.5) = 1,070.55 (no fees counted; the resting bid adds IM only).
        // IM = 190,100 / 10 + 77,537.5 / 20 + the bid 5 x 2,950 / 20 = 19,010 + 3,876.875 + 737.5 = 23,624.375 -> 23,624.38.
        var book = BookJson.Read(TestFiles.Example("binance-preset-book.json"));
        var report = MarginEngine.Modes.CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile);
        report.MaintenanceMargin.Should().Be(1_070.55m);
        report.InitialMargin.Should().Be(23_624.38m);
    }

    [Fact]
    public void Preset_CopiedWithOneFigureChanged_IsValidatedAndUsed()
    {
        // A user sets today's BTC price range on Deribit's preset: 4 buckets of a 20% range give ±20% as the outer points.
        var deribit = RiskProfilePresets.Get("deribit");
        var portfolio = deribit.GetPortfolio();
        var btc = portfolio.For("BTC", "deribit");
        var today = deribit with
        {
            Portfolio = portfolio with
            {
                Units = new Dictionary<string, MarginEngine.Profiles.RiskUnitParameters>(portfolio.Units)
                {
                    ["BTC"] = btc with { PriceMoves = [-0.2, -0.1, 0, 0.1, 0.2], PriceRange = 0.2 },
                },
            },
        };
        today.GetPortfolio().For("BTC", "deribit").PriceMoves.Should().Equal(-0.2, -0.1, 0, 0.1, 0.2);
        deribit.GetPortfolio().For("BTC", "deribit").PriceRange.Should().Be(0.16, "the preset itself is unchanged");

        // Every property is checked as it is set, in a copy as in a constructor.
        var badRange = () => btc with { PriceRange = -0.1 };
        badRange.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "priceRange");
        var badFactor = () => portfolio with { MaintenanceFactor = 1.5 };
        badFactor.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "portfolio.maintenanceFactor");
        var badShock = () => btc.VolShock with { DownRange = 2 };
        badShock.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "volShock.downRange");
        var badAddOn = () => btc with { AddOns = btc.AddOns with { ShortOptionContingency = 3 } };
        badAddOn.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "addOns.shortOptionContingency");
        var badName = () => deribit with { Name = "" };
        badName.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "profile.name");
    }

    [Fact]
    public void Derive_FollowsThePeersDeploymentDefaults()
    {
        // derive-pmrm.md §1.4-1.5: 7 spot points (±4.5, ±9, ±13.5%) x up/none/down, ±18% up, 8 damped tails
        // (d x |s - 1| = 0.1386), 2 skew scenarios: 21 + 10 + 2 = 33, as the deployment's scenario list.
        var portfolio = RiskProfilePresets.Get("derive").GetPortfolio();
        var unit = portfolio.For("BTC", "derive");
        unit.Scenarios().Should().HaveCount(33);
        unit.ExtendedMoves.Where(e => Math.Abs(e.Move) > 0.2).Should().OnlyContain(e => Math.Abs(e.Weight!.Value * e.Move - Math.Sign(e.Move) * 0.1386) < 1e-12);
        (portfolio.LossFactors!.Maintenance, portfolio.LossFactors.Initial).Should().Be((0.8, 1.0));
        unit.VolShock.FloorAfterShockUp.Should().BeTrue();
        // derive-pmrm.md §1.5: BASE_STATIC_DISCOUNT 1.05 / _NEG 0.95, MULTSCALE 0 / 0, ADDSCALE 0.16 / 0.16.
        var discount = unit.StaticDiscount!;
        (discount.LongBase, discount.ShortBase, discount.LongRateMult, discount.ShortRateMult, discount.LongRateAdd, discount.ShortRateAdd)
            .Should().Be((1.05, 0.95, 0.0, 0.0, 0.16, 0.16));
    }
}
