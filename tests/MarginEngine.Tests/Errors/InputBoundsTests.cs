using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.Json;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using NodaTime;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Errors;

/// <summary>Issue 10's bug classes: every input outside the representable range is a typed error at the door (numerics.md §Ranges).</summary>
public class InputBoundsTests
{
    [Theory]
    [InlineData(1e-30)]
    [InlineData(1e29)]
    public void Prices_OutsideTheRange_AreRejectedNamingTheField(double price)
    {
        // 1e-30 used to become decimal 0 (an endless liquidation search, a division by zero); 1e29 overflowed decimal.
        var act = () => new MarketSnapshot(Now, new Dictionary<string, double> { ["USDT"] = price }, []);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "indexPrices[USDT]");
        var mark = () => new MarketSnapshot(Now, [], new Dictionary<string, double> { ["BTCUSDT"] = price });
        mark.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "markPrices[BTCUSDT]");
    }

    [Fact]
    public void Quantities_AboveTheRange_AreRejected()
    {
        var position = () => new Position(BtcUsdt, 1e20m, 50_000m);
        position.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "positions[BTCUSDT].quantity");
        var balance = () => new Balance(Usdt, -1e20m);
        balance.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "balances[USDT].quantity");
    }

    [Fact]
    public async Task CrossLiquidation_OfAShortAtTheLowestPrice_Terminates()
    {
        // The smallest accepted price still gives a positive bracket to double; and a zero mark ends the search at once.
        var market = new MarketSnapshot(Now, new Dictionary<string, double> { ["USDT"] = 1, ["BTC"] = 1e-12 },
            new Dictionary<string, double> { ["BTCUSDT"] = 1e-12 });
        var account = Account([new(Usdt, 10_000m)], [new(BtcUsdt, -1m, 0.000000000001m)]);
        var run = Task.Run(() => CrossMarginCalculator.Calculate(account, market, Profile()));
        (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)))).Should().BeSameAs(run, "the solver's search is bounded");
        // Awaiting observes the outcome: an untyped exception inside the calculator fails the test here.
        var report = await run;
        // The short is liquidated where 10,000 - (P - 1e-12) = 0.4 % x P (bracket 1): P = 10,000 / 1.004 = 9,960.159...
        report.Positions[0].LiquidationPrice!.Value.Should().BeApproximately(9_960.16m, 0.01m);
        MarginEngine.Modes.CrossLiquidation.Solve(BtcUsdt, -1, 1, 0, 1, 100, BinanceBtcUsdt(), 0).Should().BeNull();
    }

    [Fact]
    public void Expiry_BeyondTheLongestTenor_IsRejected()
    {
        // An option expiring in 9999 made exp(rate x T) overflow; 30 years is the longest tenor.
        var option = new EuropeanOption("BTC-C-9999", Btc, Usdt, Settlement.Linear, OptionRight.Call, 60_000m, Instant.FromUtc(9999, 1, 1, 0, 0));
        var market = Market((option.Id, 1_000));
        var act = () => CrossMarginCalculator.Calculate(Account([new(Usdt, 10_000m)], [new(option, -1m, 1_000m)]), market, Profile());
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "instruments[BTC-C-9999].expiry" && e.Message.Contains("30 years"));
    }

    [Fact]
    public void ScenarioMoves_AndGridSizes_AreBounded()
    {
        // A move of 1e308 gave NaN P&L, which was never the worst cell; 2^31 - 1 buckets threw an untyped exception.
        var move = () => new RiskUnitParameters([1e308], 0.1, [VolState.Same], new VolShock(0.5, 0.25));
        move.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "priceMoves");
        var buckets = () => PriceGrid.Symmetric(0.16, int.MaxValue);
        buckets.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "buckets");
        var many = () => new RiskUnitParameters(Enumerable.Range(0, 20_000).Select(i => i * 1e-5), 0.1, [VolState.Same], new VolShock(0.5, 0.25));
        many.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "priceMoves");
    }

    [Fact]
    public void DuplicateJsonKeys_AreRejected()
    {
        // "quantity": -2 then "quantity": 200 used to read as a 200-coin long.
        var json = TestFiles.Example("binance-preset-book.json").Replace("\"quantity\": -2,", "\"quantity\": -2, \"quantity\": 200,");
        json.Should().Contain("\"quantity\": 200", "the mutation must be in the book, or this test proves nothing");
        var act = () => BookJson.Read(json);
        act.Should().Throw<ConfigurationException>().Where(e => e.Message.Contains("quantity"));
    }

    [Fact]
    public void Leverage_AboveTheBracketMaximum_IsUsedAtTheMaximum_AndSaidSo()
    {
        // 1 BTC at 50,000 sits in bracket 2 (100x): a chosen 1e9x is used as 100x, IM 50,000 / 100 = 500, and the report says so.
        var account = Account([new(Usdt, 10_000m)], [new(BtcUsdt, 1m, 50_000m, leverage: 1_000_000_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000)), Profile());
        report.InitialMargin.Should().Be(500m);
        report.Warnings.Should().ContainSingle().Which.Should().Contain("positions[BTCUSDT].leverage").And.Contain("maximum 100");
    }
}
