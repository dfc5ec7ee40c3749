using MarginEngine.Accounts;
using MarginEngine.Errors;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Accounts;

public class AccountTests
{
    [Fact]
    public void DuplicateBalance_IsRejected()
    {
        var act = () => Account([new Balance(Usdt, 1m), new Balance(Usdt, 2m)], []);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "balances[USDT]");
    }

    [Fact]
    public void IsolatedMarginOnAnOption_IsRejected()
    {
        var call = new MarginEngine.Instruments.EuropeanOption("C", Btc, Usdt, MarginEngine.Instruments.Settlement.Linear,
            MarginEngine.Instruments.OptionRight.Call, 1m, Now);
        var act = () => new Position(call, 1m, 1m, isolatedMargin: 10m);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "positions[C].isolatedMargin");
    }

    [Fact]
    public void InverseInstrumentSettlingInAnotherAsset_IsRejected()
    {
        var act = () => new MarginEngine.Instruments.Perpetual("BTCUSD", Btc, Usdt, MarginEngine.Instruments.Settlement.Inverse, 100m);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "instruments[BTCUSD].settlementAsset");
    }

    [Fact]
    public void WithIsolatedMargin_MakesThePositionIsolated()
    {
        var position = new Position(BtcUsdt, 1m, 50_000m);
        position.IsIsolated.Should().BeFalse();
        var isolated = position.WithIsolatedMargin(5_000m);
        isolated.IsIsolated.Should().BeTrue();
        isolated.IsolatedMargin.Should().Be(5_000m);
        isolated.Quantity.Should().Be(1m);
    }
}
