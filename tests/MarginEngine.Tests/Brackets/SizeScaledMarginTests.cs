using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.Json;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Profiles;

namespace MarginEngine.Tests.Brackets;

/// <summary>Deribit standard margin of futures and perpetuals: rates growing with the position's size (venue-parameters.md §5.1).</summary>
public class SizeScaledMarginTests
{
    private static readonly Asset Usdc = new("USDC", 2, isStablecoin: true);
    private static readonly Asset Sol = new("SOL");

    /// <summary>The Deribit preset with a USDC haircut supplied (the preset leaves USDC to the user).</summary>
    private static RiskProfile Deribit() => RiskProfilePresets.Get("deribit")
        .WithSupplement(new ProfileSupplement("test", haircuts: new Dictionary<string, HaircutSchedule> { ["USDC"] = HaircutSchedule.Flat(1m) }));

    private static PositionMarginFigures Isolated(Instrument instrument, decimal quantity, double price, string indexId)
    {
        var market = new MarketSnapshot(Fixtures.Now,
            new Dictionary<string, double> { ["USDC"] = 1.0, [indexId] = price },
            new Dictionary<string, double> { [instrument.Id] = price });
        var account = new Account("deribit", MarginMode.Cross, [new Balance(Usdc, 10_000_000m)],
            [new Position(instrument, quantity, (decimal)price)]);
        var line = IsolatedMarginCalculator.Calculate(account, market, Deribit()).Positions.Single();
        return new(line.InitialMargin, line.MaintenanceMargin);
    }

    private sealed record PositionMarginFigures(decimal InitialMargin, decimal MaintenanceMargin);

    [Fact]
    public void BtcUsdc_25Btc_PublishedExample()
    {
        // Deribit 'Linear Perpetual': 25 BTC at 100,000: IM 2% + 25 x 0.005% = 2.125% -> 53,125 USDC; MM 1.125% -> 28,125 USDC.
        var perp = new Perpetual("BTC_USDC-PERPETUAL", Fixtures.Btc, Usdc, Settlement.Linear);
        Isolated(perp, 25m, 100_000, "BTC").Should().Be(new PositionMarginFigures(53_125m, 28_125m));
    }

    [Fact]
    public void BtcUsdc_350Btc_PublishedExample()
    {
        // 350 BTC: IM 2% + 350 x 0.005% = 3.75% -> 13.125 BTC = 1,312,500 USDC; MM 1% + 1.75% = 2.75% of 35,000,000 = 962,500.
        var perp = new Perpetual("BTC_USDC-PERPETUAL", Fixtures.Btc, Usdc, Settlement.Linear);
        Isolated(perp, 350m, 100_000, "BTC").Should().Be(new PositionMarginFigures(1_312_500m, 962_500m));
    }

    [Fact]
    public void BtcUsdc_200Btc_AnExactRequirementStaysExact()
    {
        // 200 BTC at 12,500: IM 2% + 200 x 0.005% = 3% of 2,500,000 = 75,000.00 (decimal's 1 / (1 / 3%) leaves a residue
        // that must not lift it to 75,000.01, docs/numerics.md); MM 1% + 1% = 2% = 50,000.
        var perp = new Perpetual("BTC_USDC-PERPETUAL", Fixtures.Btc, Usdc, Settlement.Linear);
        Isolated(perp, 200m, 12_500, "BTC").Should().Be(new PositionMarginFigures(75_000m, 50_000m));
    }

    [Fact]
    public void SolUsdc_PublishedExamples()
    {
        // 25 SOL at 200: IM 4% + 25 x 0.0005% = 4.0125% of 5,000 = 200.625 -> 200.63 rounded up; MM 2.0125% -> 100.625 -> 100.63.
        // 6,000 SOL: IM 4% + 3% = 7% of 1,200,000 = 84,000 USDC; MM 2% + 3% = 5% = 60,000.
        var perp = new Perpetual("SOL_USDC-PERPETUAL", Sol, Usdc, Settlement.Linear);
        Isolated(perp, 25m, 200, "SOL").Should().Be(new PositionMarginFigures(200.63m, 100.63m));
        Isolated(perp, 6_000m, 200, "SOL").Should().Be(new PositionMarginFigures(84_000m, 60_000m));
    }

    [Fact]
    public void SolUsdc_UnroundedFiguresBesideTheDisplay()
    {
        // 25 SOL at 200: IM 4.0125% x 5,000 = 200.625 exactly, displayed rounded up as 200.63; MM 100.625 -> 100.63.
        var perp = new Perpetual("SOL_USDC-PERPETUAL", Sol, Usdc, Settlement.Linear);
        var market = new MarketSnapshot(Fixtures.Now,
            new Dictionary<string, double> { ["USDC"] = 1.0, ["SOL"] = 200 }, new Dictionary<string, double> { [perp.Id] = 200 });
        var account = new Account("deribit", MarginMode.Cross, [new Balance(Usdc, 10_000m)], [new Position(perp, 25m, 200m)]);
        var report = IsolatedMarginCalculator.Calculate(account, market, Deribit());
        (report.InitialMargin, report.MaintenanceMargin).Should().Be((200.63m, 100.63m));
        (report.Unrounded.InitialMargin, report.Unrounded.MaintenanceMargin).Should().Be((200.625, 100.625));
    }

    [Fact]
    public void InverseBtcPerpetual_SizeIsTheNotionalInCoin()
    {
        // BTC-PERPETUAL, 9,000 contracts of 1 USD at 9,000: notional 1 BTC. IM 2% + 1 x 0.005% = 2.005% -> 0.02005 BTC
        // = 180.45 USD at the 9,000 index; MM 1.005% -> 0.01005 BTC = 90.45 USD.
        var perp = new Perpetual("BTC-PERPETUAL", Fixtures.Btc, Fixtures.Btc, Settlement.Inverse, 1m);
        var market = new MarketSnapshot(Fixtures.Now,
            new Dictionary<string, double> { ["BTC"] = 9_000 },
            new Dictionary<string, double> { [perp.Id] = 9_000 });
        var account = new Account("deribit", MarginMode.Cross, [new Balance(Fixtures.Btc, 10m)], [new Position(perp, 9_000m, 9_000m)]);
        var line = IsolatedMarginCalculator.Calculate(account, market, Deribit()).Positions.Single();
        (line.InitialMargin, line.MaintenanceMargin).Should().Be((180.45m, 90.45m));
        // In the settlement coin, as Deribit states it: 0.02005 BTC and 0.01005 BTC.
        (line.SettlementAsset, line.InitialMarginInSettlement, line.MaintenanceMarginInSettlement).Should().Be(("BTC", 0.02005m, 0.01005m));
    }

    [Fact]
    public void AtSize_AnImRateOfOneHundredPercentOrMore_Throws()
    {
        // 2% + size x 0.005% reaches 100% at 19,600 BTC.
        var rule = new SizeScaledMargin(0.02m, 0.01m, 0.00005m);
        var act = () => rule.AtSize(19_600m, "sizeScaled[BTC linear perpetual]");
        act.Should().Throw<MarginEngine.Errors.InvalidMarginInputException>().Where(e => e.Field == "sizeScaled[BTC linear perpetual]");
    }
}
