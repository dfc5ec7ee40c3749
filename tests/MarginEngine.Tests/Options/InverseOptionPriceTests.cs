using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using NodaTime;

namespace MarginEngine.Tests.Options;

/// <summary>
/// Inverse option prices (mark, entry, limit) are quoted in coin (docs/input-format.md §Positions); one above ten times
/// the most the option can be worth in coin (a call 1, a put strike / index) is a USD figure and is rejected by name.
/// </summary>
public class InverseOptionPriceTests
{
    private static readonly Instant Expiry = Fixtures.Now.Plus(Duration.FromDays(30));
    private static readonly EuropeanOption Call = new("BTC-60000-C", Fixtures.Btc, Fixtures.Btc, Settlement.Inverse, OptionRight.Call, 60_000m, Expiry);
    private static readonly EuropeanOption DeepPut = new("BTC-100000-P", Fixtures.Btc, Fixtures.Btc, Settlement.Inverse, OptionRight.Put, 100_000m, Expiry);

    // Index 50,000 (Fixtures.Market): the call is worth at most 1 BTC, the 100,000 put at most 100,000 / 50,000 = 2 BTC.
    private static MarketSnapshot Market(double callMark = 0.01, double putMark = 1.05) =>
        Fixtures.Market(("BTC-60000-C", callMark), ("BTC-100000-P", putMark));

    private static Account Book(decimal callEntry, IEnumerable<OpenOrder>? orders = null) =>
        Fixtures.Account([new Balance(Fixtures.Btc, 10m)], [new Position(Call, -1m, callEntry)], orders);

    [Fact]
    public void UsdEntry_OnAnInverseCall_IsRejectedNamingTheField()
    {
        // 600 "BTC" for a call that pays at most 1 BTC: a USD entry (0.012 BTC x 50,000).
        var act = () => CrossMarginCalculator.Calculate(Book(600m), Market(), Fixtures.Profile());
        act.Should().Throw<InvalidMarginInputException>().WithMessage("positions[BTC-60000-C].entryPrice*600*worth at most 1 BTC*USD price*");
    }

    [Fact]
    public void UsdLimit_OnAnInverseOrder_IsRejected_InStandardAndPortfolioMargin()
    {
        // Ten times the put's 2 BTC bound is 20 BTC: a limit of 52,000 is a USD price.
        var order = new OpenOrder("o1", DeepPut, OrderSide.Sell, 1m, 52_000m);
        var account = Book(0.012m, [order]);
        var standard = () => CrossMarginCalculator.Calculate(account, Market(), Fixtures.Profile());
        standard.Should().Throw<InvalidMarginInputException>().WithMessage("orders[BTC-100000-P].limitPrice*52000*at most 2 BTC*");

        var profile = Tests.Portfolio.PortfolioFixtures.Profile(Tests.Portfolio.PortfolioFixtures.Unit());
        var market = Tests.Portfolio.PortfolioFixtures.Market([("BTC-60000-C", 0.01), ("BTC-100000-P", 1.05)], [("BTC-60000-C", 0.6), ("BTC-100000-P", 0.6)]);
        var portfolio = () => PortfolioMarginCalculator.Calculate(account, market, profile);
        portfolio.Should().Throw<InvalidMarginInputException>().WithMessage("orders[BTC-100000-P].limitPrice*52000*at most 2 BTC*");
    }

    [Fact]
    public void UsdMark_OnAnInverseOption_IsRejected()
    {
        var act = () => CrossMarginCalculator.Calculate(Book(0.012m), Market(callMark: 600), Fixtures.Profile());
        act.Should().Throw<InvalidMarginInputException>().WithMessage("markPrices[BTC-60000-C]*600*");
    }

    [Fact]
    public void DeepInTheMoneyPut_AboveOneCoin_IsAccepted()
    {
        // The 100,000 put at index 50,000 has intrinsic 50,000 USD = 1 BTC: a mark of 1.05 BTC and an entry of 1.1 BTC are plausible.
        // Long 1 put: option value = 1 x 1.05 x 50,000 = 52,500 USD, at 10 BTC of collateral (0.95 haircut: 475,000).
        var account = Fixtures.Account([new Balance(Fixtures.Btc, 10m)], [new Position(DeepPut, 1m, 1.1m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(), Fixtures.Profile());
        report.Equity.Should().Be(475_000m + 52_500m);
    }
}
