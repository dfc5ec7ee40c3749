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
    public void Quote_EqualsTheBreakdownBitForBit_AndIsReusable()
    {
        // A mixed book (calls, puts, a dated future, a perpetual, an order): the compiled quote (numbers only) and the full
        // breakdown (per-unit records, contributions) are two code paths over the same arithmetic in the same order, so they
        // agree to the bit; a second quote of the same compiled book gives the same bits (nothing in it is mutated).
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

public class CompiledMarketTests
{
    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static readonly EuropeanOption Call = Option("BTC-C55", OptionRight.Call, 55_000m, 30);
    private static readonly EuropeanOption Put = Option("BTC-P45", OptionRight.Put, 45_000m, 60);

    private static MarginEngine.MarketData.MarketSnapshot Snapshot() =>
        Market([(Call.Id, 1_200), (Put.Id, 900), ("BTCUSDT", 50_000)], [(Call.Id, 0.6), (Put.Id, 0.7)]);

    [Fact]
    public void BooksCompiledAgainstIt_EqualBooksCompiledAlone_BitForBit()
    {
        // Two accounts share instruments in other quantities (and one rests an order on one of them): the second reuses the
        // figures the first compiled, which depend on the instrument only, so both quote exactly as when compiled alone.
        var market = Snapshot();
        var profile = Profile(Unit());
        var first = Account([new Balance(Usdt, 100_000m)], [new Position(Call, -3m, 1_200m), new Position(Put, 2m, 900m)]);
        var second = Account([new Balance(Usdt, 50_000m)], [new Position(Call, 7m, 1_200m), new Position(BtcUsdt, -0.5m, 50_000m)],
            [new OpenOrder("o1", Put, OrderSide.Sell, 4m, 950m)]);
        var compiled = CompiledMarket.Create(market, profile);
        foreach (var account in new[] { first, second, first })
        {
            var shared = CompiledBook.Compile(account, compiled).Quote();
            var alone = CompiledBook.Compile(account, market, profile).Quote();
            Bits(shared.InitialMargin).Should().Be(Bits(alone.InitialMargin));
            Bits(shared.MaintenanceMargin).Should().Be(Bits(alone.MaintenanceMargin));
        }
    }

    [Fact]
    public void AnInstrumentRedefinedUnderAKnownId_IsCompiledOnItsOwn()
    {
        // Two accounts define "BTC-C55" differently (strike 55,000 and 65,000): the second must not take the first's figures.
        var market = Snapshot();
        var profile = Profile(Unit());
        var other = Option(Call.Id, OptionRight.Call, 65_000m, 30);
        var compiled = CompiledMarket.Create(market, profile);
        CompiledBook.Compile(Account([new Balance(Usdt, 100_000m)], [new Position(Call, -3m, 1_200m)]), compiled).Quote();
        var redefined = Account([new Balance(Usdt, 100_000m)], [new Position(other, -3m, 1_200m)]);
        Bits(CompiledBook.Compile(redefined, compiled).Quote().InitialMargin)
            .Should().Be(Bits(CompiledBook.Compile(redefined, market, profile).Quote().InitialMargin));
    }
}
