using System.Text.Json.Nodes;
using MarginEngine.Errors;
using MarginEngine.Json;
using MarginEngine.Modes;

namespace MarginEngine.Tests.Json;

public class BookJsonTests
{
    private static JsonObject DefaultBook() => JsonNode.Parse(TestFiles.Example("default-book.json"))!.AsObject();

    private static ConfigurationException ReadFails(JsonObject book) =>
        Assert.Throws<ConfigurationException>(() => BookJson.Read(book.ToJsonString(), "book.json"));

    [Fact]
    public void RoundTrip_WriteThenRead_GivesTheSameBookAndReport()
    {
        // Written once, read back and written again: identical text, and an identical cross report.
        var book = BookJson.Read(TestFiles.Example("default-book.json"));
        var written = BookJson.Write(book);
        var reread = BookJson.Read(written);
        BookJson.Write(reread).Should().Be(written);
        ReportJson.Write(CrossMarginCalculator.Calculate(reread.Account, reread.Market, reread.Profile))
            .Should().Be(ReportJson.Write(CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile)));
    }

    [Theory]
    [InlineData("options-book.json", "okx")]
    [InlineData("options-book.json", "span")]
    [InlineData("options-book.json", "derive")]
    [InlineData("options-book.json", "deribit")]
    [InlineData("default-book.json", null)]
    public void RoundTrip_PortfolioParametersAndSurfaces_GiveTheSamePortfolioResult(string file, string? preset)
    {
        // The options book carries a volatility surface; presets carry portfolio sections (OKX add-ons, SPAN pair credit).
        var book = BookJson.Read(TestFiles.Example(file));
        if (preset is not null)
            book = book.Under(RiskProfilePresets.Get(preset));
        var reread = BookJson.Read(BookJson.Write(book));
        ReportJson.Write(MarginEngine.Portfolio.PortfolioMarginCalculator.Calculate(reread.Account, reread.Market, reread.Profile))
            .Should().Be(ReportJson.Write(MarginEngine.Portfolio.PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile)));
    }

    [Fact]
    public void DefaultBook_ShortCallLine_ByHand()
    {
        // Short 1 call K 110,000, index 95,000, mark 1,250, entry 1,400 (see StandardOptionMarginTests): MM 4,290, IM 10,900.
        var book = BookJson.Read(TestFiles.Example("default-book.json"));
        var line = CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile).Positions.Single(p => p.InstrumentId == "BTC-25DEC26-110000-C");
        line.MaintenanceMargin.Should().Be(4_290m);
        line.InitialMargin.Should().Be(10_900m);
    }

    [Fact]
    public void DefaultBook_BtcCollateralIncludesTheSpotLeg()
    {
        // Balance 0.5 BTC + spot long 2 = 2.5 BTC at 95,000 = 237,500; haircut tier 0-10 BTC at 0.95 -> 225,625.
        var book = BookJson.Read(TestFiles.Example("default-book.json"));
        var btc = CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile).Collateral.Single(c => c.AssetId == "BTC");
        btc.Quantity.Should().Be(2.5m);
        btc.CollateralValue.Should().Be(225_625m);
        btc.Haircut.Should().Be(11_875m);
    }

    [Fact]
    public void MalformedJson_NamesLineAndPosition()
    {
        var e = Assert.Throws<ConfigurationException>(() => BookJson.Read("{\n  \"assets\": [,]\n}", "book.json"));
        e.Message.Should().StartWith("book.json: $: malformed JSON at line 2");
    }

    [Fact]
    public void NaNLiteral_IsMalformedJson()
    {
        var text = TestFiles.Example("default-book.json").Replace("\"BTCUSDT\": 95050", "\"BTCUSDT\": NaN");
        var e = Assert.Throws<ConfigurationException>(() => BookJson.Read(text, "book.json"));
        e.Message.Should().Contain("malformed JSON");
    }

    [Fact]
    public void NegativePrice_NamesTheJsonPath()
    {
        var book = DefaultBook();
        book["market"]!["markPrices"]!["BTCUSDT"] = -1;
        ReadFails(book).JsonPath.Should().Be("$.market.markPrices.BTCUSDT");
    }

    [Fact]
    public void UnknownInstrument_NamesTheJsonPath()
    {
        var book = DefaultBook();
        book["account"]!["positions"]![1]!["instrument"] = "XRPUSDT";
        var e = ReadFails(book);
        e.JsonPath.Should().Be("$.account.positions[1].instrument");
        e.Problem.Should().Be("unknown instrument 'XRPUSDT'");
    }

    [Fact]
    public void DuplicateInstrument_IsRejected()
    {
        var book = DefaultBook();
        book["instruments"]!.AsArray().Add(book["instruments"]![1]!.DeepClone());
        ReadFails(book).Problem.Should().Contain("declared twice");
    }

    [Fact]
    public void DuplicatePosition_IsRejected()
    {
        var book = DefaultBook();
        book["account"]!["positions"]!.AsArray().Add(book["account"]!["positions"]![1]!.DeepClone());
        ReadFails(book).Problem.Should().Contain("appears twice");
    }

    [Fact]
    public void OrderQuantityOfTheWrongSign_NamesTheField()
    {
        var book = DefaultBook();
        book["account"]!["orders"]![0]!["quantity"] = -5;
        var e = ReadFails(book);
        e.JsonPath.Should().Be("$.account.orders[0].quantity");
        e.Problem.Should().Contain("must be > 0 but was -5");
    }

    [Fact]
    public void ZeroPositionQuantity_NamesTheField()
    {
        var book = DefaultBook();
        book["account"]!["positions"]![2]!["quantity"] = 0;
        ReadFails(book).JsonPath.Should().Be("$.account.positions[2].quantity");
    }

    [Fact]
    public void OverlappingBrackets_NameTheSchedule()
    {
        var book = DefaultBook();
        book["profile"]!["brackets"]!["BTCUSDT"]![1]!["notionalFloor"] = 40_000;
        var e = ReadFails(book);
        e.JsonPath.Should().Be("$.profile.brackets.BTCUSDT");
        e.Problem.Should().Contain("brackets[BTCUSDT][1].notionalFloor");
    }

    [Fact]
    public void UnknownField_IsRejectedRatherThanIgnored()
    {
        var book = DefaultBook();
        book["account"]!["positions"]![0]!["entryPirce"] = 1;
        ReadFails(book).JsonPath.Should().Be("$.account.positions[0].entryPirce");
    }

    [Fact]
    public void WrongType_NamesTheJsonPath()
    {
        var book = DefaultBook();
        book["account"]!["balances"]![0]!["quantity"] = "lots";
        var e = ReadFails(book);
        e.JsonPath.Should().Be("$.account.balances[0].quantity");
        e.Problem.Should().Contain("must be a number");
    }

    [Fact]
    public void UnknownPreset_ListsTheKnownOnes()
    {
        var book = DefaultBook();
        book["profile"] = "ftx";
        ReadFails(book).Problem.Should().Contain("unknown preset 'ftx'").And.Contain("binance");
    }

    [Fact]
    public void RoundTrip_ReservesAndTickSize()
    {
        var json = TestFiles.Example("options-book.json")
            .Replace("\"positions\": [", "\"reserves\": [ { \"name\": \"mmp\", \"asset\": \"USDT\", \"amount\": 2500 } ],\n    \"positions\": [")
            .Replace("\"id\": \"BTCUSDT\",", "\"id\": \"BTCUSDT\", \"tickSize\": 0.1,");
        var book = BookJson.Read(json);
        book.Account.Reserves.Should().ContainSingle().Which.Amount.Should().Be(2_500m);
        book.Account.Positions.Single(p => p.Instrument.Id == "BTCUSDT").Instrument.TickSize.Should().Be(0.1m);
        var reread = BookJson.Read(BookJson.Write(book));
        reread.Account.Reserves.Should().BeEquivalentTo(book.Account.Reserves);
        reread.Account.Positions.Single(p => p.Instrument.Id == "BTCUSDT").Instrument.TickSize.Should().Be(0.1m);
    }
}
