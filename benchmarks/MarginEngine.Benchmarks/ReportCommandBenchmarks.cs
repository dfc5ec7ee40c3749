using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MarginEngine.Cli;
using MarginEngine.Json;
using Spectre.Console;

namespace MarginEngine.Benchmarks;

/// <summary>
/// <c>margin report</c> (every method, tables) of the binance example book grown by one-lot BTC perpetuals, against
/// reading the same book: the ratio stays flat as the book grows when the report is linear in it (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class ReportCommandBenchmarks
{
    private string _json = "";

    [Params(2_000, 20_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup() => _json = LongBook(File.ReadAllText(Example("binance-preset-book.json")), Positions);

    /// <summary><paramref name="book"/> (an example book's JSON) with <paramref name="extra"/> one-lot (0.001) BTC perpetuals added, marked and entered at 95,000.</summary>
    public static string LongBook(string book, int extra)
    {
        var root = JsonNode.Parse(book)!.AsObject();
        var instruments = root["instruments"]!.AsArray();
        var marks = root["market"]!["markPrices"]!.AsObject();
        var positions = root["account"]!["positions"]!.AsArray();
        for (var i = 0; i < extra; i++)
        {
            instruments.Add(new JsonObject
            {
                ["id"] = $"BTCUSDT-{i}",
                ["kind"] = "perpetual",
                ["underlying"] = "BTC",
                ["settlementAsset"] = "USDT",
                ["settlement"] = "linear",
            });
            marks[$"BTCUSDT-{i}"] = 95_000;
            positions.Add(new JsonObject { ["instrument"] = $"BTCUSDT-{i}", ["quantity"] = 0.001, ["entryPrice"] = 95_000 });
        }

        return root.ToJsonString();
    }

    [Benchmark(Baseline = true)]
    public Book ReadBook() => BookJson.Read(_json, "book.json");

    [Benchmark]
    public int Report()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(TextWriter.Null),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var code = MarginCli.Run(["report", "-"], console, TextWriter.Null, new StringReader(_json));
        return code == MarginCli.Ok ? code : throw new InvalidOperationException($"margin report exited {code}");
    }

    private static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "examples", name);
            if (File.Exists(path))
                return path;
        }

        throw new FileNotFoundException($"docs/examples/{name} not found above {AppContext.BaseDirectory}");
    }
}
