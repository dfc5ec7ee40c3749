using System.Text.Json;
using MarginEngine.Cli;

namespace MarginEngine.Tests.Cli;

public class LiquidationCommandsTests
{
    private static string Example(string name) => Path.Combine(TestFiles.Repository, "docs", "examples", name);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Liquidate_Json_CancelsThenReducesUnderTheTarget()
    {
        var (code, output, _) = Run("liquidate", Example("liquidation-book.json"), "--mode", "cross", "--target", "85%", "--json");

        code.Should().Be(MarginCli.Ok);
        var plan = JsonDocument.Parse(output).RootElement.GetProperty("plans")[0];
        plan.GetProperty("ratioBefore").GetDouble().Should().BeGreaterThanOrEqualTo(1);
        plan.GetProperty("targetRatio").GetDouble().Should().Be(0.85);
        plan.GetProperty("status").GetString().Should().Be("restored");
        var steps = plan.GetProperty("steps").EnumerateArray().ToArray();
        steps[0].GetProperty("action").GetString().Should().Be("cancelOrders");
        steps[^1].GetProperty("marginRatio").GetDouble().Should().BeLessThan(0.85);
    }

    [Fact]
    public void Liquidate_Text_ShowsEachMethodsLadder()
    {
        var (code, output, _) = Run("liquidate", Example("liquidation-book.json"));
        code.Should().Be(MarginCli.Ok);
        output.Should().Contain("Liquidation plan").And.Contain("Cross: restored").And.Contain("cancel orders").And.Contain("reduce");
    }

    [Fact]
    public void Adl_Json_RanksEachSideWithPnlFromTheBook()
    {
        // trader-01 is long; its PnL% is (mark - entry) / entry from the file itself.
        var file = JsonDocument.Parse(File.ReadAllText(Example("adl-accounts.json"))).RootElement;
        var mark = file.GetProperty("market").GetProperty("markPrices").GetProperty("BTCUSDT").GetDouble();
        var entry = file.GetProperty("accounts")[0].GetProperty("positions")[0].GetProperty("entryPrice").GetDouble();

        var (code, output, _) = Run("adl", Example("adl-accounts.json"), "--json");

        code.Should().Be(MarginCli.Ok);
        var ranks = JsonDocument.Parse(output).RootElement.GetProperty("ranks").EnumerateArray().ToArray();
        ranks.Should().HaveCount(12);
        foreach (var side in new[] { "long", "short" })
            ranks.Where(r => r.GetProperty("side").GetString() == side).Select(r => r.GetProperty("rank").GetInt32()).Should().Equal(1, 2, 3, 4, 5, 6);
        ranks.Single(r => r.GetProperty("accountId").GetString() == "trader-01").GetProperty("pnlPercent").GetDouble()
            .Should().BeApproximately(mark / entry - 1, 1e-12);
    }

    [Fact]
    public void Adl_BookWithoutAccounts_ExitsTwo()
    {
        var (code, _, error) = Run("adl", Example("default-book.json"));
        code.Should().Be(MarginCli.BadInput);
        error.Should().Contain("accounts");
    }

    [Theory]
    [InlineData("liquidate", "liquidation-book.json")]
    [InlineData("adl", "adl-accounts.json")]
    public void Chart_IsWrittenHeadless(string command, string example)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{command}-{Guid.NewGuid():N}.png");
        try
        {
            var (code, _, _) = Run(command, Example(example), "--chart", path, "--json");
            code.Should().Be(MarginCli.Ok);
            File.ReadAllBytes(path).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        }
        finally
        {
            File.Delete(path);
        }
    }
}
