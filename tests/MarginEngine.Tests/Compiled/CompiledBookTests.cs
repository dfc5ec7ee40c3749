using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.Instruments;
using MarginEngine.Portfolio;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Compiled;

public class CompiledBookTests
{
    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    [Fact]
    public void Quote_OneLinearPerpetual_IsTheWorstGridMoveByHand()
    {
        // Long 2 BTCUSDT at mark 50,000 in a USD unit of ±16% in 4 buckets: the worst cell is -16%,
        // a loss of 2 x 50,000 x 0.16 = 16,000; RM = 16,000, MM = 0.8 x RM = 12,800, IM = RM.
        var market = Market([("BTCUSDT", 50_000)]);
        var account = Account([new Balance(Usdt, 100_000m)], [new Position(BtcUsdt, 2m, 50_000m)]);
        var quote = CompiledBook.Compile(account, market, Profile(Unit())).Quote();
        quote.RiskMatrixMargin.Should().BeApproximately(16_000, 1e-9);
        quote.InitialMargin.Should().BeApproximately(16_000, 1e-9);
        quote.MaintenanceMargin.Should().BeApproximately(12_800, 1e-9);
    }

    [Fact]
    public void Quote_EqualsTheBreakdownAndTheCalculatorBitForBit_AndIsReusable()
    {
        // A mixed book (calls, puts, a dated future, a perpetual, an order): the compiled quote, the full breakdown and the
        // calculator's quote run the same arithmetic in the same order, so they agree to the bit; a second quote of the
        // same compiled book gives the same bits.
        var call = Option("BTC-C55", OptionRight.Call, 55_000m, 30);
        var put = Option("BTC-P45", OptionRight.Put, 45_000m, 60);
        var future = DatedFuture(90);
        var market = Market([(call.Id, 1_200), (put.Id, 900), (future.Id, 50_400), ("BTCUSDT", 50_000)], [(call.Id, 0.6), (put.Id, 0.7)]);
        var account = Account([new Balance(Usdt, 100_000m), new Balance(Btc, 1m)],
            [new Position(call, -3m, 1_200m), new Position(put, 2m, 900m), new Position(future, 1m, 50_400m), new Position(BtcUsdt, -0.5m, 50_000m)],
            [new OpenOrder("o1", call, OrderSide.Sell, 1m, 1_250m)]);
        var profile = Profile(Unit(includeCollateral: true));

        var book = CompiledBook.Compile(account, market, profile);
        var first = book.Quote();
        var state = PortfolioRiskState.Create(book);

        Bits(first.InitialMargin).Should().Be(Bits(state.Current.InitialMargin));
        Bits(first.MaintenanceMargin).Should().Be(Bits(state.Current.MaintenanceMargin));
        Bits(first.RiskMatrixMargin).Should().Be(Bits(state.Result.RiskMatrixMarginUsd));
        Bits(first.InitialMargin).Should().Be(Bits(PortfolioMarginCalculator.Quote(account, market, profile).InitialMargin));
        Bits(book.Quote().InitialMargin).Should().Be(Bits(first.InitialMargin));
        first.InitialMargin.Should().BeGreaterThan(first.RiskMatrixMargin, "the resting order adds its open-orders margin");
        book.Underlyings.Should().Equal("BTC");
    }

    [Fact]
    public void NaNVol_IsRefusedAtTheSnapshot_NamingTheOption()
    {
        // A NaN vol never reaches the kernel: the snapshot refuses it, naming the option.
        var call = Option("BTC-C55", OptionRight.Call, 55_000m, 30);
        var act = () => Market([(call.Id, 1_200)], [(call.Id, double.NaN)]);
        act.Should().Throw<MarginEngine.Errors.InvalidMarginInputException>().Which.Field.Should().Contain(call.Id);
    }
}
