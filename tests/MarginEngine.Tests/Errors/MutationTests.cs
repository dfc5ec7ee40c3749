using System.Globalization;
using System.Text.Json.Nodes;
using MarginEngine.Errors;
using MarginEngine.Json;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Tests.Errors;

/// <summary>
/// Issue 10: seeded mutations of the example books (deleted fields, wrong types, extreme and tiny numbers, duplicate keys,
/// truncation, far expiries, huge grids) through the reader and every calculator. Each must give finite, non-negative
/// requirements or one of the library's typed exceptions: never another exception, never a hang.
/// </summary>
public class MutationTests
{
    private const int Cases = 10_000;
    private static readonly string[] Books = ["default-book.json", "options-book.json", "binance-preset-book.json"];
    private static readonly string[] Extremes =
        ["0", "-1", "1e-30", "1e-13", "1e13", "1e30", "1e308", "-1e308", "2147483647", "100000000", "0.5", "\"x\"", "null", "true", "[]", "{}"];

    [Fact]
    public async Task TenThousandMutations_GiveFiguresOrTypedErrors()
    {
        var failures = new List<string>();
        var random = new Random(20261123);
        var texts = Books.Select(TestFiles.Example).ToArray();
        for (var i = 0; i < Cases && failures.Count < 5; i++)
        {
            var (json, what) = Mutate(texts[random.Next(texts.Length)], random);
            var run = Task.Run(() => Check(json));
            if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))) != run)
                failures.Add($"case {i} ({what}): no answer within 10 s");
            else if (await run is { } failure)
                failures.Add($"case {i} ({what}): {failure}");
        }

        failures.Should().BeEmpty();
    }

    /// <summary>Null when the book gave typed errors or sound figures; otherwise what went wrong.</summary>
    private static string? Check(string json)
    {
        Book book;
        try
        {
            book = BookJson.Read(json, "mutated");
        }
        catch (Exception e) when (Typed(e))
        {
            return null;
        }
        catch (Exception e)
        {
            return $"reader threw {e.GetType().Name}: {e.Message}";
        }

        foreach (var compute in new Func<MarginReport>[]
        {
            () => IsolatedMarginCalculator.Calculate(book.Account, book.Market, book.Profile),
            () => CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile),
            () => PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile).Report,
            () => UnifiedMarginCalculator.Calculate(book.Account, book.Market, book.Profile with { Unified = new UnifiedMarginParameters([new StatusLevel("normal", 0m)]) }).Report,
        })
        {
            try
            {
                var report = compute();
                if (report.InitialMargin < 0 || report.MaintenanceMargin < 0 || !double.IsFinite(report.Unrounded.InitialMargin)
                    || !double.IsFinite(report.Unrounded.MaintenanceMargin) || !double.IsFinite(report.Unrounded.Equity))
                    return $"unsound figures: IM {report.InitialMargin}, MM {report.MaintenanceMargin}, equity {report.Unrounded.Equity}";
            }
            catch (Exception e) when (Typed(e))
            {
            }
            catch (Exception e)
            {
                return $"calculator threw {e.GetType().Name}: {e.Message}";
            }
        }

        return null;
    }

    private static bool Typed(Exception e) =>
        e is ConfigurationException or InvalidMarginInputException or MissingMarketDataException or MissingRiskParameterException;

    private static (string Json, string What) Mutate(string text, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                return (text[..random.Next(text.Length)], "truncated");
            case 1:
            {
                var at = text.IndexOf("\"quantity\":", random.Next(text.Length / 2), StringComparison.Ordinal);
                return at < 0 ? (text, "unchanged") : (text.Insert(at, "\"quantity\": 200, "), "duplicate key");
            }
        }

        var root = JsonNode.Parse(text)!;
        var nodes = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, nodes);
        var (parent, key, index) = nodes[random.Next(nodes.Count)];
        string what;
        switch (random.Next(4))
        {
            case 0 when key is not null:
                parent.AsObject().Remove(key);
                what = $"deleted {parent.GetPath()}.{key}";
                break;
            case 1:
                var value = Extremes[random.Next(Extremes.Length)];
                Set(parent, key, index, JsonNode.Parse(value));
                what = $"{parent.GetPath()}.{key ?? index.ToString(CultureInfo.InvariantCulture)} = {value}";
                break;
            case 2:
                Set(parent, key, index, JsonValue.Create(random.Next(2) == 0 ? "9999-01-01T00:00:00Z" : "2000-01-01T00:00:00Z"));
                what = $"{parent.GetPath()}.{key ?? index.ToString(CultureInfo.InvariantCulture)} = an instant";
                break;
            default:
                var scale = Math.Pow(10, random.Next(-40, 40));
                var node = key is not null ? parent[key] : parent[index];
                if (node is JsonValue v && v.TryGetValue<double>(out var number))
                    Set(parent, key, index, JsonValue.Create(number * scale));
                what = $"{parent.GetPath()}.{key ?? index.ToString(CultureInfo.InvariantCulture)} scaled by {scale:R}";
                break;
        }

        return (root.ToJsonString(), what);
    }

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (key is not null)
            parent[key] = value;
        else
            parent[index] = value;
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    into.Add((o, k, -1));
                    if (v is not null)
                        Collect(v, into);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    into.Add((a, null, i));
                    if (a[i] is { } item)
                        Collect(item, into);
                }

                break;
        }
    }
}
