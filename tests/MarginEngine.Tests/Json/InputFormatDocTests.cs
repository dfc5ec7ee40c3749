using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MarginEngine.Errors;
using MarginEngine.Json;

namespace MarginEngine.Tests.Json;

/// <summary>docs/input-format.md says which fields are required; the reader agrees, field by field.</summary>
public partial class InputFormatDocTests
{
    /// <summary>The first backticked field of each row of the table that follows <paramref name="heading"/>, with its Required cell.</summary>
    private static List<(string Field, bool Required)> Table(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(TestFiles.Repository, "docs", "input-format.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == heading);
        start.Should().BeGreaterThan(0, $"docs/input-format.md has '{heading}'");
        var header = lines.Skip(start).First(l => l.StartsWith('|')).Split('|').Select(c => c.Trim()).ToList();
        var column = header.IndexOf("Required");
        column.Should().BeGreaterThan(0, $"the table under '{heading}' has a Required column");
        return lines.Skip(start).SkipWhile(l => !l.StartsWith('|')).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToList())
            .Select(cells => (Field: FirstField().Match(cells[1]).Groups[1].Value, Required: cells[column].StartsWith("yes", StringComparison.Ordinal)))
            .ToList();
    }

    [GeneratedRegex("`([A-Za-z]+)`")]
    private static partial Regex FirstField();

    private static JsonObject Bybit() => JsonNode.Parse(RiskProfilePresets.GetJson("bybit"))!.AsObject();

    [Fact]
    public void PortfolioUnit_EveryFieldTheDocsCallRequired_IsRequired_AndEveryOtherMayBeLeftOut()
    {
        // bybit's BTC unit gives priceRange, buckets, volShock, currency, includeCollateral and addOns.
        var rows = Table("A unit:");
        rows.Should().Contain(("priceRange", true)).And.Contain(("buckets", true)).And.Contain(("volShock", true));
        var unit = Bybit()["portfolio"]!["units"]!["BTC"]!.AsObject();
        foreach (var (field, required) in rows.Where(r => unit.ContainsKey(r.Field)))
        {
            var json = Bybit();
            json["portfolio"]!["units"]!["BTC"]!.AsObject().Remove(field);
            var read = () => RiskProfileJson.Read(json.ToJsonString(), "bybit.json");
            if (required)
                read.Should().Throw<ConfigurationException>($"'{field}' is documented as required").WithMessage($"*{field}*");
            else
                read.Should().NotThrow($"'{field}' is documented as optional");
        }
    }

    [Fact]
    public void Market_EveryFieldTheDocsCallRequired_IsRequired()
    {
        var rows = Table("## market");
        rows.Where(r => r.Required).Select(r => r.Field).Should().Equal("valuationTime", "indexPrices", "markPrices");
        foreach (var (field, required) in rows)
        {
            var book = JsonNode.Parse(TestFiles.Example("options-book.json"))!.AsObject();
            if (!book["market"]!.AsObject().Remove(field))
                continue;
            var read = () => BookJson.Read(book.ToJsonString(), "book.json");
            if (required)
                read.Should().Throw<ConfigurationException>($"'{field}' is documented as required").WithMessage($"*market*{field}*");
            else
                read.Should().NotThrow($"'{field}' is documented as optional");
        }
    }
}
