using System.Text.Json;
using MarginEngine.Cli;
using Spectre.Console;

namespace MarginEngine.Tests.Cli;

public class MarginCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 160;
        var code = MarginCli.Run(args, console, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void NoArguments_PrintsTheDemoBookUnderEachMethod()
    {
        var (code, output, _) = Run();
        code.Should().Be(MarginCli.Ok);
        output.Should().Contain("Isolated").And.Contain("Cross").And.Contain("Initial margin").And.Contain("BTC-25DEC26-110000-C");
        // Short call IM by hand (StandardOptionMarginTests): 10,900.
        output.Should().Contain("10,900.00");
    }

    [Fact]
    public void Report_Json_ParsesAndCarriesBothMethods()
    {
        var path = Path.Combine(TestFiles.Repository, "docs", "examples", "default-book.json");
        var (code, output, _) = Run("report", path, "--json");
        code.Should().Be(MarginCli.Ok);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("isolated").GetProperty("method").GetString().Should().Be("isolated");
        root.GetProperty("cross").GetProperty("method").GetString().Should().Be("cross");
        root.GetProperty("portfolio").GetProperty("report").GetProperty("method").GetString().Should().Be("portfolio");
        // BTC and ETH units; the SOL perpetual is isolated and keeps its standard margin.
        root.GetProperty("portfolio").GetProperty("units").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public void Report_PortfolioWithAPreset_PrintsTheRiskMatrix()
    {
        var path = Path.Combine(TestFiles.Repository, "docs", "examples", "options-book.json");
        var (code, output, _) = Run("report", path, "--mode", "portfolio", "--preset", "span");
        code.Should().Be(MarginCli.Ok);
        output.Should().Contain("Risk matrix").And.Contain("BTC risk unit").And.Contain("short option minimum").And.NotContain("Cross");
    }

    [Fact]
    public void Compare_ListsEveryPresetAndSaysWhyOneDoesNotApply()
    {
        var path = Path.Combine(TestFiles.Repository, "docs", "examples", "options-book.json");
        var (code, output, _) = Run("compare", path);
        code.Should().Be(MarginCli.Ok);
        output.Should().Contain("deribit").And.Contain("span").And.Contain("binance").And.Contain("has no leverage brackets for 'BTCUSDT'");
    }

    [Fact]
    public void Report_UnknownMode_ExitsTwo()
    {
        var path = Path.Combine(TestFiles.Repository, "docs", "examples", "options-book.json");
        Run("report", path, "--mode", "fancy").Code.Should().Be(MarginCli.BadInput);
    }

    [Fact]
    public void Report_BadBook_ExitsTwoAndPrintsNothingToStdout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, TestFiles.Example("default-book.json").Replace("\"quantity\": 60000", "\"quantity\": \"x\""));
        try
        {
            var (code, output, error) = Run("report", path);
            code.Should().Be(MarginCli.BadInput);
            output.Should().BeEmpty();
            error.Should().Contain("$.account.balances[0].quantity");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_MissingFile_ExitsTwo()
    {
        Run("report", "/nonexistent/book.json").Code.Should().Be(MarginCli.BadInput);
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        Run("frobnicate").Code.Should().Be(MarginCli.BadInput);
    }
}
