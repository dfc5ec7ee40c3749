using MarginEngine.Modes;

namespace MarginEngine.Tests.Modes;

public class IsolatedLiquidationTests
{
    [Fact]
    public void LinearLong_StaysInItsBracket()
    {
        // 1 BTC long at 50,000 with 5,000 margin, fees off. Bracket 1 (mmr 0.4%, cum 0):
        // LP = (5,000 + 0 - 50,000) / (0.004 - 1) = -45,000 / -0.996 = 45,180.7228915...; notional 45,180 < 50,000: bracket 1 holds.
        var lp = IsolatedLiquidation.LiquidationPrice(Fixtures.BtcUsdt, 1m, 50_000m, 5_000m, Fixtures.BinanceBtcUsdt(), 0m);
        lp!.Value.Should().BeApproximately(45_180.7228915m, 0.0000001m);
    }

    [Fact]
    public void LinearShort_CrossesIntoTheNextBracket()
    {
        // 1 BTC short at 50,000 with 5,000 margin. Bracket 1: (5,000 + 0 + 50,000) / (0.004 + 1) = 54,780.88, whose
        // notional 54,780 is not below 50,000, so bracket 1 does not hold. Bracket 2 (mmr 0.5%, cum 50):
        // (5,000 + 50 + 50,000) / 1.005 = 54,776.1194029...; notional in [50,000, 250,000): it holds.
        // Check: equity 5,000 - 4,776.12 = 223.88 = MM 54,776.12 x 0.5% - 50 = 223.88.
        var lp = IsolatedLiquidation.LiquidationPrice(Fixtures.BtcUsdt, -1m, 50_000m, 5_000m, Fixtures.BinanceBtcUsdt(), 0m);
        lp!.Value.Should().BeApproximately(54_776.1194029m, 0.0000001m);
    }

    [Fact]
    public void LinearLong_ClosingFeeMovesTheLiquidationCloser()
    {
        // Same long with a 0.05% closing fee in MM: (5,000 - 50,000) / (0.004 + 0.0005 - 1) = 45,000 / 0.9955 = 45,203.4153692...
        var lp = IsolatedLiquidation.LiquidationPrice(Fixtures.BtcUsdt, 1m, 50_000m, 5_000m, Fixtures.BinanceBtcUsdt(), 0.0005m);
        lp!.Value.Should().BeApproximately(45_203.4153692m, 0.0000001m);
    }

    [Fact]
    public void LinearLong_FullyFunded_HasNoLiquidationPrice()
    {
        // Margin 50,000 on a 50,000 long: numerator 50,000 - 50,000 = 0 -> price 0, not positive.
        IsolatedLiquidation.LiquidationPrice(Fixtures.BtcUsdt, 1m, 50_000m, 50_000m, Fixtures.BinanceBtcUsdt(), 0m).Should().BeNull();
    }

    [Fact]
    public void InverseLong_ByHand()
    {
        // 10 contracts x 100 USD = F 1,000 USD long at 50,000, margin 0.002 BTC, bracket 1 (mmr 0.4%, cum 0):
        // LP = (1,000 x 0.004 + 1,000) / (0.002 + 0 + 1,000 / 50,000) = 1,004 / 0.022 = 45,636.3636...
        // Check in coin: equity 0.002 + 1,000 x (1/50,000 - 1/45,636.36) = 0.0000876 = MM 1,000 / 45,636.36 x 0.004.
        var lp = IsolatedLiquidation.LiquidationPrice(Fixtures.BtcUsd, 10m, 50_000m, 0.002m, Fixtures.InverseBtc(), 0m);
        lp!.Value.Should().BeApproximately(45_636.3636364m, 0.0000001m);
    }

    [Fact]
    public void InverseShort_ByHand()
    {
        // Short: LP = (4 - 1,000) / (0.002 - 0.02) = -996 / -0.018 = 55,333.3333...
        var lp = IsolatedLiquidation.LiquidationPrice(Fixtures.BtcUsd, -10m, 50_000m, 0.002m, Fixtures.InverseBtc(), 0m);
        lp!.Value.Should().BeApproximately(55_333.3333333m, 0.0000001m);
    }

    [Fact]
    public void BankruptcyPrices_ByHand()
    {
        // Linear: 50,000 -+ 5,000 / 1. Inverse long: 1 / (1/50,000 + 0.002/1,000) = 1 / 0.000022 = 45,454.5454...;
        // inverse short: 1 / (0.00002 - 0.000002) = 55,555.5555...
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsdt, 1m, 50_000m, 5_000m).Should().Be(45_000m);
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsdt, -1m, 50_000m, 5_000m).Should().Be(55_000m);
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsd, 10m, 50_000m, 0.002m)!.Value.Should().BeApproximately(45_454.5454545m, 0.0000001m);
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsd, -10m, 50_000m, 0.002m)!.Value.Should().BeApproximately(55_555.5555556m, 0.0000001m);
    }

    [Fact]
    public void InverseShort_MarginAboveNotional_IsNeverBankrupt()
    {
        // 1/E - WB/F = 0.00002 - 0.03/1,000 = -0.00001 <= 0: no positive bankruptcy price.
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsd, -10m, 50_000m, 0.03m).Should().BeNull();
    }

    [Fact]
    public void Bybit_LinearLongAndShort_MmOnTheEntryValue()
    {
        // Bybit: LP = entry x (1 -/+ 1/leverage +/- MMR). 0.5 BTC at 50,000, 10x: margin 2,500; entry notional 25,000 in
        // bracket 1 (0.4%, no deduction). Long: 50,000 x (1 - 0.1 + 0.004) = 45,200. Short: 50,000 x (1 + 0.1 - 0.004) = 54,800.
        var brackets = Fixtures.BinanceBtcUsdt();
        IsolatedLiquidation.LiquidationPriceWithEntryMaintenance(Fixtures.BtcUsdt, 0.5m, 50_000m, 2_500m, brackets).Should().Be(45_200m);
        IsolatedLiquidation.LiquidationPriceWithEntryMaintenance(Fixtures.BtcUsdt, -0.5m, 50_000m, 2_500m, brackets).Should().Be(54_800m);
    }

    [Fact]
    public void Bybit_FullyFundedLong_StillHasALiquidationPrice()
    {
        // 1x: margin = entry value 25,000. LP = 50,000 x (1 - 1 + 0.004) = 200 (Binance's rule gives none, see above).
        IsolatedLiquidation.LiquidationPriceWithEntryMaintenance(Fixtures.BtcUsdt, 0.5m, 50_000m, 25_000m, Fixtures.BinanceBtcUsdt()).Should().Be(200m);
    }

    [Fact]
    public void Bybit_InverseLong_PublishedFormShape()
    {
        // Inverse long, 100 contracts x 100 USD = 10,000 USD at 50,000, 10x: margin 0.02 BTC; entry notional 0.2 BTC in the
        // coin brackets' tier 1 (0.4%): MMe = 0.0008 BTC. 1/LP = 1/50,000 + (0.02 - 0.0008) / 10,000 = 0.00002 + 0.00000192
        // -> LP = 50,000 x 10 / (10 + 1 - 0.004 x 10) = 500,000 / 10.96 = 45,620.4379562...
        var lp = IsolatedLiquidation.LiquidationPriceWithEntryMaintenance(Fixtures.BtcUsd, 100m, 50_000m, 0.02m, Fixtures.InverseBtc());
        lp!.Value.Should().BeApproximately(45_620.4379562m, 0.0000001m);
    }

    [Fact]
    public void ProfileRule_SelectsTheFormula_InTheReport()
    {
        // The same isolated long under a profile set to Bybit's rule with `with`: the position line shows 45,200.
        var profile = Fixtures.Profile() with { IsolatedLiquidation = MarginEngine.Profiles.LiquidationPriceRule.MaintenanceAtEntry };
        var account = Fixtures.Account([new(Fixtures.Usdt, 10_000m)], [new(Fixtures.BtcUsdt, 0.5m, 50_000m, leverage: 10m)]);
        var line = MarginEngine.Modes.IsolatedMarginCalculator.Calculate(account, Fixtures.Market(("BTCUSDT", 50_000)), profile).Positions.Single();
        line.LiquidationPrice.Should().Be(45_200m);
    }
}
