using MarginEngine.Accounts;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Errors;
using MarginEngine.Json;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Tests.Profiles;

/// <summary>A supplement extends a preset's schedule above its last published cap (docs/presets.md §User-supplied figures).</summary>
public class ScheduleExtensionTests
{
    // venue-parameters-2.md §6.1 (Bybit "Margin Parameters", BTCUSDT, the 20-tier ladder), tiers 1-4, as a user would copy them.
    private static readonly BracketSchedule BybitLadderHead = BracketSchedule.Create(
    [
        new(0m, 2_000_000m, 100m, 0.005m),
        new(2_000_000m, 2_600_000m, 90m, 0.0056m),
        new(2_600_000m, 3_200_000m, 80m, 0.0063m),
        new(3_200_000m, 3_800_000m, 75m, 0.0067m),
    ]);

    private static RiskProfile BybitWithLadder() => RiskProfilePresets.Get("bybit").WithSupplement(new ProfileSupplement("desk",
        brackets: new Dictionary<string, BracketSchedule> { ["BTC/USDT perpetual"] = BybitLadderHead }));

    private static MarketSnapshot Market(double btc) => new(Fixtures.Now,
        new Dictionary<string, double> { ["USDT"] = 1.0, ["BTC"] = btc }, new Dictionary<string, double> { ["BTCUSDT"] = btc });

    [Fact]
    public void Brackets_AboveThePresetsLastCap_ComeFromTheSupplement_WithCumByContinuity()
    {
        // Preset (venue-parameters.md §2.1a): 0-300k 0.33 %, 300k-2M 0.5 % (cum 510), 2M-2.6M 0.56 % (cum 1,710); the supplement
        // adds 2.6M-3.2M 0.63 % and 3.2M-3.8M 0.67 %; its tiers below 2.6M are ignored (the preset's win).
        // cum_4 = 2,600,000 x (0.63 % - 0.56 %) + 1,710 = 3,530; cum_5 = 3,200,000 x (0.67 % - 0.63 %) + 3,530 = 4,810.
        // MM(3,500,000) = 3,500,000 x 0.67 % - 4,810 = 18,640; marginally: 990 + 8,500 + 3,360 + 3,780 + 2,010 = 18,640.
        var schedule = BybitWithLadder().GetBrackets("BTC/USDT perpetual");
        schedule.Brackets.Select(b => b.MaintenanceMarginRate).Should().Equal(0.0033m, 0.005m, 0.0056m, 0.0063m, 0.0067m);
        schedule.Brackets[3].MaintenanceAmount.Should().Be(3_530m);
        schedule.Brackets[4].MaintenanceAmount.Should().Be(4_810m);
        schedule.MaintenanceMargin(3_500_000m).Should().Be(18_640m);
    }

    [Fact]
    public void IsolatedPosition_AboveThePresetsLastCap_IsMarginedWithTheExtension_AndTheReportNamesIt()
    {
        // 35 BTC at 100,000 = 3,500,000 USDT, in the supplement's 3.2M-3.8M tier; leverage 75, that tier's maximum.
        // The preset charges the fee to close (taker 0.055 %, an example figure) in both: 3,500,000 x 0.00055 = 1,925.
        // MM = 18,640 (above) + 1,925 = 20,565; IM = 3,500,000 / 75 + 1,925 = 46,666.666... + 1,925 -> 48,591.67 (rounded up to the cent).
        var account = new Account("big", MarginMode.Cross, [new Balance(Fixtures.Usdt, 100_000m)],
            [new Position(Fixtures.BtcUsdt, 35m, 100_000m, leverage: 75m)]);
        var profile = BybitWithLadder();
        var report = IsolatedMarginCalculator.Calculate(account, Market(100_000), profile);
        report.Positions[0].MaintenanceMargin.Should().Be(20_565m);
        report.Positions[0].InitialMargin.Should().Be(48_591.67m);
        profile.SuppliedFiguresFor(account, MarginMethod.Isolated).Should().Equal("brackets:BTC/USDT perpetual above 2600000 (desk)");
    }

    [Fact]
    public void WithoutTheSupplement_TheMessageSaysExactlyWhatToSupply()
    {
        var account = new Account("big", MarginMode.Cross, [new Balance(Fixtures.Usdt, 100_000m)],
            [new Position(Fixtures.BtcUsdt, 38m, 100_000m, leverage: 75m)]);
        var act = () => IsolatedMarginCalculator.Calculate(account, Market(100_000), RiskProfilePresets.Get("bybit"));
        act.Should().Throw<InvalidMarginInputException>().WithMessage(
            "*3800000 is at or above the last bracket's cap 2600000*supply brackets under 'BTC/USDT perpetual'*above 2600000 extend the profile's*");
    }

    [Fact]
    public void Supplement_ThatStopsBelowTheCap_CannotExtendIt()
    {
        var low = BracketSchedule.Create([new(0m, 1_000_000m, 100m, 0.005m)]);
        var profile = RiskProfilePresets.Get("bybit").WithSupplement(new ProfileSupplement("desk",
            brackets: new Dictionary<string, BracketSchedule> { ["BTC/USDT perpetual"] = low }));
        var act = () => profile.GetBrackets("BTC/USDT perpetual");
        act.Should().Throw<InvalidMarginInputException>().WithMessage("*supplied.brackets[BTC/USDT perpetual]*stops at 1000000*last cap 2600000*");
    }

    [Fact]
    public void Haircuts_AboveThePresetsLastCap_ComeFromTheSupplement()
    {
        // okx BTC (venue-parameters.md, API example): 0-20 BTC 0.98, 20-25 BTC 0.9775, nothing above. The supplement adds 25-50 at 0.95.
        // 30 BTC at 100,000: (20 x 0.98 + 5 x 0.9775 + 5 x 0.95) x 100,000 = (19.6 + 4.8875 + 4.75) x 100,000 = 2,923,750.
        var higher = HaircutSchedule.Create(HaircutBasis.Quantity, [new(0m, 25m, 1m), new(25m, 50m, 0.95m)]);
        var profile = RiskProfilePresets.Get("okx").WithSupplement(new ProfileSupplement("desk",
            haircuts: new Dictionary<string, HaircutSchedule> { ["BTC"] = higher }));
        profile.GetHaircut("BTC").CollateralValue(30m, 100_000m).Should().Be(2_923_750m);
        var account = new Account("coins", MarginMode.Cross, [new Balance(Fixtures.Btc, 30m)], []);
        profile.SuppliedFiguresFor(account, MarginMethod.Cross).Should().Equal("haircuts:BTC above 25 (desk)");
    }

    [Fact]
    public void Haircuts_OnAnotherBasis_CannotExtend()
    {
        var usd = HaircutSchedule.Create(HaircutBasis.UsdValue, [new(0m, null, 0.9m)]);
        var profile = RiskProfilePresets.Get("okx").WithSupplement(new ProfileSupplement("desk",
            haircuts: new Dictionary<string, HaircutSchedule> { ["BTC"] = usd }));
        var act = () => profile.GetHaircut("BTC");
        act.Should().Throw<InvalidMarginInputException>().WithMessage("*supplied.haircuts[BTC].basis*must be quantity*");
    }

    [Fact]
    public void Haircuts_AboveTheLastCap_WithoutASupplement_SayWhatToSupply()
    {
        var act = () => RiskProfilePresets.Get("okx").GetHaircut("BTC").CollateralValue(30m, 100_000m);
        act.Should().Throw<InvalidMarginInputException>().WithMessage("*above the last tier's cap 25*supply a schedule for this asset*tiers above 25 extend these*");
    }
}
