using MarginEngine.Brackets;
using MarginEngine.Modes;

namespace MarginEngine.Tests.Modes;

/// <summary>Isolated liquidation and bankruptcy prices where mutation testing found no test: an inverse position in a bracket with a cum, and no positive price.</summary>
public class IsolatedLiquidationEdgeTests
{
    [Fact]
    public void InverseLong_InABracketWithACum_ByHand()
    {
        // 100 BTCUSD contracts of 100 USD = 10,000 USD long at 50,000 with 0.05 BTC margin; brackets in coin:
        // [0, 0.1) at 0.5 %, [0.1, ∞) at 1 % with cum 0.1 x (1 % - 0.5 %) = 0.0005 BTC.
        // margin + 10,000 (1/E - 1/P) = 10,000 x 1 % / P - cum  =>  P = 10,000 x 1.01 / (0.05 + 0.0005 + 10,000 / 50,000)
        // = 10,100 / 0.2505 = 40,319.3612...; at that price the notional is 10,000 / 40,319 = 0.248 BTC, in bracket 2.
        var brackets = BracketSchedule.Create([new(0m, 0.1m, 100m, 0.005m), new(0.1m, null, 50m, 0.01m)]);
        var price = IsolatedLiquidation.LiquidationPrice(Fixtures.BtcUsd, 100m, 50_000m, 0.05m, brackets, 0m);
        price!.Value.Should().BeApproximately(40_319.3613m, 0.0001m);
    }

    [Fact]
    public void NoPositivePrice_IsNull()
    {
        // A long of 1 BTC at 50,000 holding 60,000 of margin cannot lose it all: the bankruptcy price 50,000 - 60,000 < 0,
        // and with MM at entry (200 on bracket 1) the liquidation price 50,000 - (60,000 - 200) < 0 too.
        var brackets = Fixtures.BinanceBtcUsdt();
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsdt, 1m, 50_000m, 60_000m).Should().BeNull();
        IsolatedLiquidation.LiquidationPriceWithEntryMaintenance(Fixtures.BtcUsdt, 1m, 50_000m, 60_000m, brackets).Should().BeNull();
        // The same margin on 1 BTC's worth of inverse contracts (500 x 100 USD at 50,000 = 1 BTC; margin 1.2 BTC): 1/P < 0.
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsd, -500m, 50_000m, 1.2m).Should().BeNull(
            "a short's inverse bankruptcy 1/E - margin/size = 1/50,000 - 1.2/50,000 is negative");
        // Exactly at zero there is no price either: margin = notional for a long (50,000 - 50,000 = 0).
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsdt, 1m, 50_000m, 50_000m).Should().BeNull();
        IsolatedLiquidation.BankruptcyPrice(Fixtures.BtcUsd, -500m, 50_000m, 1m).Should().BeNull();
    }
}
