using System.Buffers.Binary;
using System.Text.Json;
using MarginEngine.Cli;

namespace MarginEngine.Tests.Cli;

public class CliffCommandTests
{
    private static readonly string DemoBook = Path.Combine(TestFiles.Repository, "docs", "examples", "default-book.json");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Json_IsolatedDistanceIsTheReportsClosedFormLiquidationPrice()
    {
        // The demo book's first isolated liquidation going down is ETHUSDT's: long 25 at entry 3,200, mark 3,101.5, leverage
        // 20, no allocation, so its margin is its IM at the snapshot: 77,537.5 / 20 + the 0.05 % fee to close 38.76875 =
        // 3,915.64375. Binance's isolated price (docs/methodology.md §Isolated), bracket 2 (10k-100k, MMR 0.65 %, cum 15):
        // LP = (3,915.64375 + 15 - 25 x 3,200) / (25 x (0.0065 + 0.0005) - 25) = 3,064.2238 (notional 76,606: bracket 2),
        // a move of 3,064.2238 / 3,101.5 - 1 = -1.20188 %.
        const double expected = -0.0120187597;

        var (code, output, _) = Run("cliff", DemoBook, "--mode", "isolated", "--from", "-5%", "--to", "5%", "--step", "1%", "--json");

        code.Should().Be(MarginCli.Ok);
        var result = JsonDocument.Parse(output).RootElement.GetProperty("results")[0];
        result.GetProperty("points").GetArrayLength().Should().Be(11);
        var down = result.GetProperty("down");
        down.GetProperty("binding").GetString().Should().Be("ETHUSDT");
        down.GetProperty("move").GetDouble().Should().BeApproximately(expected, 1e-5);
    }

    [Fact]
    public void Text_ShowsDistancesSweepAndChart()
    {
        var (code, output, _) = Run("cliff", "--mode", "cross", "--asset", "BTC", "--from", "-20%", "--to", "20%", "--step", "10%");
        code.Should().Be(MarginCli.Ok);
        output.Should().Contain("Liquidation distance").And.Contain("BTC alone").And.Contain("headroom").And.Contain("-20%").And.Contain("+20%");
    }

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void Chart_IsWrittenHeadless(string format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cliff-{Guid.NewGuid():N}.{format}");
        try
        {
            var (code, _, _) = Run("cliff", DemoBook, "--step", "5%", "--chart", path, "--json");
            code.Should().Be(MarginCli.Ok);
            var bytes = File.ReadAllBytes(path);
            if (format == "png")
            {
                // PNG signature, then the IHDR chunk: width and height big-endian at bytes 16 and 20 (1,300 x 900 by default).
                bytes.Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
                (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))).Should().Be((1_300, 900));
            }
            else
            {
                var text = System.Text.Encoding.UTF8.GetString(bytes);
                text.Should().Contain("<svg").And.Contain("width=\"1300\"");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--step", "0", "cliff.step")]
    [InlineData("--from", "-100%", "cliff.from")]
    [InlineData("--comove", null, "--comove needs --asset")]
    [InlineData("--chart", "cliff.gif", ".png or .svg")]
    [InlineData("--step", "abc", "needs a number")]
    public void BadOptions_ExitTwoNamingTheProblem(string option, string? value, string message)
    {
        var (code, _, error) = Run(value is null ? ["cliff", option] : ["cliff", option, value]);
        code.Should().Be(MarginCli.BadInput);
        error.Should().Contain(message);
    }

    [Fact]
    public void ReportChart_WithoutPortfolioMargin_ExitsTwo()
    {
        var (code, _, error) = Run("report", Path.Combine(TestFiles.Repository, "docs", "examples", "binance-preset-book.json"), "--mode", "cross",
            "--chart", Path.Combine(Path.GetTempPath(), "never.png"));
        code.Should().Be(MarginCli.BadInput);
        error.Should().Contain("needs portfolio margin");
    }
}
