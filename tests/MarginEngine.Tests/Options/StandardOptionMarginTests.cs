using MarginEngine.Options;
using MarginEngine.Profiles;

namespace MarginEngine.Tests.Options;

public class StandardOptionMarginTests
{
    private static readonly OptionMarginRates Rates = OptionMarginRates.Bybit;

    [Fact]
    public void ShortOtmCall_ByHand()
    {
        // Index 95,000, mark 1,250, entry 1,400, strike 110,000: OTM = 110,000 - 95,000 = 15,000.
        // MM = max(0.03 x 95,000, 0.03 x 1,250) + 1,250 + 0.002 x 95,000 = 2,850 + 1,250 + 190 = 4,290.
        // IM = max(max(0.15 x 95,000 - 15,000, 0.10 x 95,000) + max(1,400, 1,250), MM)
        //    = max(max(-750, 9,500) + 1,400, 4,290) = 10,900.
        StandardOptionMargin.ShortMaintenance(95_000m, 1_250m, Rates).Should().Be(4_290m);
        StandardOptionMargin.ShortInitial(95_000m, 1_250m, 1_400m, 15_000m, Rates).Should().Be(10_900m);
    }

    [Fact]
    public void ShortItmPut_ByHand()
    {
        // Index 95,000, strike 100,000 put: OTM = max(0, 95,000 - 100,000) = 0; mark 6,000, entry 5,500.
        // MM = 2,850 + 6,000 + 190 = 9,040. IM = max(14,250 - 0, 9,500) + max(5,500, 6,000) = 20,250.
        StandardOptionMargin.ShortMaintenance(95_000m, 6_000m, Rates).Should().Be(9_040m);
        StandardOptionMargin.ShortInitial(95_000m, 6_000m, 5_500m, 0m, Rates).Should().Be(20_250m);
    }

    [Fact]
    public void ShortInitial_NeverBelowMaintenance()
    {
        // Deep OTM with a rich mark: IM leg = max(15,000 - 60,000, 10,000) + max(100, 40,000) = 50,000;
        // MM = max(3,000, 1,200) + 40,000 + 200 = 43,200 < 50,000 -> IM = 50,000. With a zero IM rate floor
        // and mark 40,000: leg = max(-45,000, 0) + 40,000 = 40,000 < MM 43,200 -> IM = MM = 43,200.
        StandardOptionMargin.ShortInitial(100_000m, 40_000m, 100m, 60_000m, Rates).Should().Be(50_000m);
        var noFloor = new OptionMarginRates(0.03m, 0.002m, 0.15m, 0m);
        StandardOptionMargin.ShortInitial(100_000m, 40_000m, 100m, 60_000m, noFloor).Should().Be(43_200m);
    }

    [Fact]
    public void Deribit_PublishedExample_InCoin()
    {
        // Deribit rule (venue-parameters.md §5.2, LEAN-fork example): S 10,000, K 9,000, mark 0.025 BTC = 250 USD.
        // Short call (ITM, OTM 0): IM = max(0.15 - 0, 0.1) + 0.025 = 0.175 BTC = 1,750 USD; MM = 0.075 + 0.025 = 0.100 BTC = 1,000 USD.
        // Short put (OTM 1,000 = 0.1 of S): IM = max(0.15 - 0.1, 0.1) + 0.025 = 0.125 BTC = 1,250 USD; MM = max(0.075, 0.075 x 0.025) + 0.025 = 0.100 BTC.
        // The entry (here 400 USD, above the mark) does not enter Deribit's IM: the premium is the mark.
        var deribit = MarginEngine.Json.RiskProfilePresets.Get("deribit").GetOptionRates();
        deribit.PremiumBasis.Should().Be(OptionPremiumBasis.Mark);
        StandardOptionMargin.ShortInitial(10_000m, 250m, 400m, 0m, deribit).Should().Be(1_750m);
        StandardOptionMargin.ShortMaintenance(10_000m, 250m, deribit).Should().Be(1_000m);
        StandardOptionMargin.ShortInitial(10_000m, 250m, 400m, 1_000m, deribit).Should().Be(1_250m);
    }
}
