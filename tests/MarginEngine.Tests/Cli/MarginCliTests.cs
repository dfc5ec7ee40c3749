using System.Text.Json;
using System.Text.Json.Nodes;
using MarginEngine.Cli;
using MarginEngine.Json;
using Spectre.Console;

namespace MarginEngine.Tests.Cli;

public class MarginCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput(null, args);

    private static (int Code, string Out, string Err) RunWithInput(string? input, params string[] args) => RunOn(false, input, args);

    private static (int Code, string Out, string Err) RunOn(bool interactive, string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var code = MarginCli.Run(args, console, error, input is null ? null : new StringReader(input));
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

    [Theory]
    [InlineData(null)]
    [InlineData("default-book.json")]
    [InlineData("options-book.json")]
    [InlineData("binance-preset-book.json")]
    public void Compare_EveryPresetPricesTheExampleBooks_UnderEveryMethodItOffers(string? file)
    {
        // Issue 8 acceptance: no dashes. Every preset and every method it offers gives figures; gaps a preset leaves to the
        // user are filled from the book's "supplied" section and named in the row.
        var book = file is null
            ? BookJson.Read(TestFiles.Example("default-book.json"))
            : BookJson.Read(TestFiles.Example(file));
        var rows = Comparison.Run(book);
        rows.Where(r => r.NotAvailable is not null).Select(r => $"{r.Profile} {r.Method}: {r.NotAvailable}").Should().BeEmpty();
        foreach (var name in RiskProfilePresets.Names)
        {
            var offered = RiskProfilePresets.Get(name).Methods.Length;
            rows.Count(r => r.Profile == name).Should().BeGreaterThanOrEqualTo(offered, $"{name} offers {offered} methods");
        }

        rows.Should().OnlyContain(r => r.InitialMargin > 0m && r.MaintenanceMargin > 0m);
    }

    [Fact]
    public void Compare_WithoutAPath_UsesTheDemoBook_AndNamesUserSuppliedFigures()
    {
        var (code, output, _) = Run("compare");
        code.Should().Be(MarginCli.Ok);
        output.Should().Contain("deribit").And.Contain("span").And.Contain("user-supplied").And.NotContain("has no");
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

    [Fact]
    public void PresetsPage_CarriesTheCoverageTableAsGenerated()
    {
        // docs/presets.md must say what the presets hold: the table there is the one the code derives from the preset files.
        var page = File.ReadAllText(Path.Combine(TestFiles.Repository, "docs", "presets.md"));
        page.Should().Contain(PresetCoverage.Markdown());
    }

    [Fact]
    public void Version_AndVerboseErrors()
    {
        var (code, output, _) = Run("--version");
        (code, output.StartsWith("margin ", StringComparison.Ordinal)).Should().Be((MarginCli.Ok, true));

        // A bad book: one line by default; with --verbose the exception's trace too. Exit 2 either way.
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"assets\": [] ");
        try
        {
            var (plainCode, _, plain) = Run("report", path);
            var (verboseCode, _, verbose) = Run("report", path, "--verbose");
            (plainCode, verboseCode).Should().Be((MarginCli.BadInput, MarginCli.BadInput));
            plain.Should().Contain("malformed JSON").And.NotContain(" at MarginEngine.");
            verbose.Should().Contain("ConfigurationException").And.Contain(" at MarginEngine.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_APresetLackingAFigureForOneMethod_PrintsTheOthersAndANote()
    {
        // The options book under okx with its supplied USDT haircut and option rates but no supplied brackets: okx leaves
        // perpetual tiers to the user, so isolated and cross cannot margin the BTCUSDT perpetual; portfolio margin (the
        // grid) can. The report prints portfolio and a note for each of the others.
        var node = System.Text.Json.Nodes.JsonNode.Parse(TestFiles.Example("options-book.json"))!.AsObject();
        node["supplied"]!.AsObject().Remove("brackets");
        var path = Path.Combine(Path.GetTempPath(), $"book-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, node.ToJsonString());
        try
        {
            var (code, output, _) = Run("report", path, "--preset", "okx");
            code.Should().Be(MarginCli.Ok);
            output.Should().Contain("Portfolio").And.Contain("not computed: isolated").And.Contain("not computed: cross");
            // Asked for alone, the method's error is the command's.
            Run("report", path, "--preset", "okx", "--mode", "cross").Code.Should().Be(MarginCli.BadInput);
        }
        finally
        {
            File.Delete(path);
        }
    }


    [Fact]
    public void CommandHelp_MissingFile_Directory_AndStandardInput()
    {
        Run("report", "--help").Out.Should().Contain("margin report <book.json | ->");
        Run("compare", "-h").Out.Should().Contain("margin compare");

        // One line each, exit 2, no usage block.
        var (missingCode, _, missing) = Run("report", Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.json"));
        (missingCode, missing.Trim().Split('\n').Length).Should().Be((MarginCli.BadInput, 1));
        missing.Should().Contain("file not found");
        var (directoryCode, _, directory) = Run("report", Path.GetTempPath());
        (directoryCode, directory.Contains("is a directory")).Should().Be((MarginCli.BadInput, true));

        // '-' reads the book from standard input: the options book's portfolio under its own profile, as from the file.
        var fromFile = Run("report", Path.Combine(TestFiles.Repository, "docs", "examples", "options-book.json"), "--json").Out;
        RunWithInput(TestFiles.Example("options-book.json"), "report", "-", "--json").Out.Should().Be(fromFile);
    }

    [Fact]
    public void JsonOutput_CarriesTheSchemaVersion_TheProfileAndTheSnapshot()
    {
        var path = Path.Combine(TestFiles.Repository, "docs", "examples", "binance-preset-book.json");
        using var report = JsonDocument.Parse(Run("report", path, "--json").Out);
        var root = report.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(JsonDocuments.SchemaVersion);
        root.GetProperty("profile").GetString().Should().Be("binance");
        root.GetProperty("profileAsOf").GetString().Should().StartWith("2026-03-05");
        root.GetProperty("valuationTime").GetString().Should().Be("2026-11-21T00:00:00Z");
        root.GetProperty("userSupplied").EnumerateArray().Select(e => e.GetString()).Should().Equal("haircuts:ETH (book)");
        root.GetProperty("cross").GetProperty("initialMargin").GetDecimal().Should().BePositive();

        using var comparison = JsonDocument.Parse(Run("compare", path, "--json").Out);
        comparison.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(JsonDocuments.SchemaVersion);
        comparison.RootElement.GetProperty("rows").GetArrayLength().Should().BeGreaterThan(10);
    }

    [Fact]
    public void Report_LongBook_ListsTheFirstFiftyPositions_AndSummaryOmitsThePositionsTable()
    {
        // The binance example with 1,001 extra one-contract BTC perpetuals: 1,004 position lines, over the 1,000-line limit.
        var json = LongBook(1_001);
        var (code, full, _) = RunWithInput(json, "report", "-", "--mode", "cross");
        code.Should().Be(MarginCli.Ok);
        // 3 original lines + 47 of the added ones are shown (BTCUSDT-0 .. BTCUSDT-46); 1,004 - 50 = 954 are counted.
        full.Should().Contain("BTCUSDT-46 ").And.NotContain("BTCUSDT-47 ").And.Contain("... and 954 more positions");

        var (summaryCode, summary, _) = RunWithInput(json, "report", "-", "--mode", "cross", "--summary");
        summaryCode.Should().Be(MarginCli.Ok);
        summary.Should().Contain("Initial margin").And.NotContain("Positions (USD").And.NotContain("BTCUSDT-0");
    }

    [Fact]
    public void Report_MethodAskedForThatCannotBeComputed_ExitsTwoWithTheTypedMessage_WhileTheDefaultViewNotesIt()
    {
        // The options book without implied vols or surfaces: portfolio margin cannot reprice its options.
        var book = JsonNode.Parse(TestFiles.Example("options-book.json"))!.AsObject();
        book["market"]!.AsObject().Remove("impliedVolatilities");
        book["market"]!.AsObject().Remove("volatilitySurfaces");
        var json = book.ToJsonString();

        var (asked, askedOut, askedErr) = RunWithInput(json, "report", "-", "--mode", "portfolio");
        asked.Should().Be(MarginCli.BadInput);
        askedErr.Should().Contain("no implied volatility for 'BTC-25DEC26-100000-C'");
        askedOut.Should().BeEmpty("nothing partial is printed");

        var (all, allOut, _) = RunWithInput(json, "report", "-");
        all.Should().Be(MarginCli.Ok);
        allOut.Should().Contain("not computed: portfolio: ").And.Contain("no implied volatility for 'BTC-25DEC26-100000-C'");
    }

    [Fact]
    public void Report_LongBook_EveryMethod_CutsEveryTableTheSameWay_SoItsLengthDoesNotGrowWithTheBook()
    {
        // Plain report (isolated, cross, uniMMR): the positions table and the liquidation-price table each show 50 lines
        // and count the rest; a book of 2,004 lines prints exactly as many lines as one of 1,004.
        var (code, small, _) = RunWithInput(LongBook(1_001), "report", "-");
        var (bigCode, big, _) = RunWithInput(LongBook(2_001), "report", "-");
        code.Should().Be(MarginCli.Ok);
        bigCode.Should().Be(MarginCli.Ok);
        small.Should().Contain("... and 954 more positions").And.Contain("more liquidation prices");
        big.Should().Contain("... and 1,954 more positions");
        big.Split('\n').Length.Should().Be(small.Split('\n').Length);
    }

    [Fact]
    public void Report_OnATerminal_ShowsProgressForAVeryLargeBook_AndTheSameFigures()
    {
        // 5,004 positions (over the 5,000 at which a terminal gets a spinner): the JSON printed afterwards is the same as when
        // redirected.
        var json = LongBook(5_001);
        var (code, onTerminal, _) = RunOn(true, json, "report", "-", "--mode", "cross", "--json");
        code.Should().Be(MarginCli.Ok);
        onTerminal.Should().Contain("Margining 5,004 positions").And.EndWith(RunWithInput(json, "report", "-", "--mode", "cross", "--json").Out);
    }

    /// <summary>The binance example with <paramref name="extra"/> one-lot BTC perpetuals added (the report benchmark's book).</summary>
    private static string LongBook(int extra) =>
        MarginEngine.Benchmarks.ReportCommandBenchmarks.LongBook(TestFiles.Example("binance-preset-book.json"), extra);
}
