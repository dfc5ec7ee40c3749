using MarginEngine.Errors;
using MarginEngine.Json;
using MarginEngine.Portfolio;

namespace MarginEngine.Tests.Portfolio;

/// <summary>Positions carrying a clearing house's 16-scenario risk array are valued from it, not repriced (methodology §SPAN risk arrays).</summary>
public class SpanRiskArrayTests
{
    private static string Book(string losses, decimal quantity, string profile = "\"span\"") => $$"""
        {
          "assets": [ { "id": "USDT", "precision": 2, "stablecoin": true }, { "id": "BTC", "precision": 8 } ],
          "instruments": [ { "id": "BTCF7", "kind": "future", "underlying": "BTC", "settlementAsset": "USDT", "expiry": "2027-03-26T16:00:00Z" } ],
          "market": {
            "valuationTime": "2026-11-21T00:00:00Z",
            "indexPrices": { "USDT": 1, "BTC": 95000 },
            "markPrices": { "BTCF7": 96000 },
            "riskArrays": { "BTCF7": { "losses": [{{losses}}], "compositeDelta": 1 } }
          },
          "account": { "id": "clearing", "balances": [ { "asset": "USDT", "quantity": 100000 } ],
                       "positions": [ { "instrument": "BTCF7", "quantity": {{quantity}}, "entryPrice": 96000 } ] },
          "profile": {{profile}}
        }
        """;

    [Fact]
    public void RiskArray_MapsCmeOrderOntoTheUnitsScenarios()
    {
        // Losses 1..16 in CME order, short 1 contract: P&L = +loss. The span BTC unit lists moves -3/3 .. +3/3 of the range,
        // each with vol up then down, then the extremes -2 x range and +2 x range. CME: down 3/3 is 13/14, down 2/3 9/10,
        // down 1/3 5/6, unchanged 1/2, up 1/3 3/4, up 2/3 7/8, up 3/3 11/12, up extreme 15, down extreme 16.
        var book = BookJson.Read(Book(string.Join(", ", Enumerable.Range(1, 16)), -1m));
        var unit = PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile).Units.Single();
        unit.Contributions.Single().ScenarioPnl.Should().Equal(13, 14, 9, 10, 5, 6, 1, 2, 3, 4, 7, 8, 11, 12, 16, 15);
    }

    [Fact]
    public void RiskArray_LongFutures_ScanRiskByHand()
    {
        // A long contract loses 1,000 per third of the range down (gains up), 2,100 in the down extreme (35% already in);
        // 2 contracts: worst = 2 x 3,000 = 6,000 at down 3/3. SPAN: max(scan risk, short option minimum 0); MM = IM = 6,000.
        var losses = "0, 0, -1000, -1000, 1000, 1000, -2000, -2000, 2000, 2000, -3000, -3000, 3000, 3000, -2100, 2100";
        var book = BookJson.Read(Book(losses, 2m));
        var result = PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile);
        result.Units.Single().WorstCaseLoss.Should().Be(6_000);
        (result.Report.InitialMargin, result.Report.MaintenanceMargin).Should().Be((6_000m, 6_000m));
        // Written and read back, the book gives the same figures.
        var reread = BookJson.Read(BookJson.Write(book));
        PortfolioMarginCalculator.Calculate(reread.Account, reread.Market, reread.Profile).Report.InitialMargin.Should().Be(6_000m);
    }

    [Fact]
    public void RiskArray_OnAGridThatIsNotSpans_IsRejected()
    {
        // Deribit's grid (9 points x 3 vols + extended) cannot take a 16-scenario array: an error naming the instrument.
        var book = BookJson.Read(Book(string.Join(", ", Enumerable.Repeat(0, 16)), 1m, "\"deribit\""));
        var act = () => PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "riskArrays[BTCF7]");
    }

    [Fact]
    public void RiskArray_NotSixteenValues_IsRejectedAtTheDoor()
    {
        var act = () => BookJson.Read(Book("1, 2, 3", 1m));
        act.Should().Throw<ConfigurationException>().Where(e => e.Message.Contains("riskArrays") && e.Message.Contains("16"));
    }
}
