using MarginEngine.Assets;
using MarginEngine.Instruments;
using MarginEngine.Json;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Cli;

/// <summary>
/// What each shipped preset holds for the majors, item by item: the provenance label of the table it
/// uses, <c>user-supplied</c> where it leaves the figure to the user, or <c>-</c> where it does not
/// offer the item. docs/presets.md carries this table as generated (a test checks it).
/// </summary>
internal static class PresetCoverage
{
    private static readonly Asset Usdt = new("USDT"), Usdc = new("USDC"), Btc = new("BTC"), Eth = new("ETH"), Sol = new("SOL");

    private static readonly (string Item, Func<RiskProfile, string> Cell)[] Items =
    [
        ("BTC linear perpetual", p => Rule(p, Linear(Btc))),
        ("ETH linear perpetual", p => Rule(p, Linear(Eth))),
        ("SOL linear perpetual", p => Rule(p, Linear(Sol))),
        ("BTC inverse perpetual", p => Rule(p, [new Perpetual("x", Btc, Btc, Settlement.Inverse)])),
        ("ETH inverse perpetual", p => Rule(p, [new Perpetual("x", Eth, Eth, Settlement.Inverse)])),
        ("SOL inverse perpetual", p => Rule(p, [new Perpetual("x", Sol, Sol, Settlement.Inverse)])),
        ("options, standard margin", p => p.Options is not null ? Label(p, "options") : p.Provenance.UserSupplied.Contains("options") ? "user-supplied" : "-"),
        ("BTC collateral", p => Haircut(p, "BTC")),
        ("ETH collateral", p => Haircut(p, "ETH")),
        ("SOL collateral", p => Haircut(p, "SOL")),
        ("USDT collateral", p => Haircut(p, "USDT")),
        ("USDC collateral", p => Haircut(p, "USDC")),
        ("portfolio: BTC unit", p => Unit(p, "BTC")),
        ("portfolio: ETH unit", p => Unit(p, "ETH")),
        ("portfolio: SOL unit", p => Unit(p, "SOL")),
    ];

    /// <summary>The coverage as a Markdown table: one row per item, one column per preset.</summary>
    public static string Markdown()
    {
        var presets = RiskProfilePresets.Names.Select(RiskProfilePresets.Get).ToList();
        var lines = new List<string>
        {
            $"| item | {string.Join(" | ", presets.Select(p => p.Name))} |",
            $"|---|{string.Concat(presets.Select(_ => "---|"))}",
            $"| methods | {string.Join(" | ", presets.Select(p => string.Join(", ", p.Methods.Select(m => m.ToString().ToLowerInvariant()))))} |",
        };
        lines.AddRange(Items.Select(i => $"| {i.Item} | {string.Join(" | ", presets.Select(i.Cell))} |"));
        return string.Join('\n', lines) + '\n';
    }

    private static Instrument[] Linear(Asset coin) => [new Perpetual("x", coin, Usdt, Settlement.Linear), new Perpetual("x", coin, Usdc, Settlement.Linear)];

    private static string Rule(RiskProfile profile, Instrument[] instruments)
    {
        if (!profile.Methods.Contains(MarginMethod.Isolated))
            return "-";
        foreach (var instrument in instruments)
        {
            foreach (var key in ProductKey.Candidates(instrument))
            {
                if (profile.Brackets.ContainsKey(key))
                    return Label(profile, $"brackets:{key}");
                if (profile.SizeScaled.ContainsKey(key))
                    return Label(profile, $"sizeScaled:{key}");
            }
        }

        return instruments.SelectMany(ProductKey.Candidates)
            .Any(k => profile.Provenance.UserSupplied.Contains($"brackets:{k}") || profile.Provenance.UserSupplied.Contains($"sizeScaled:{k}"))
            ? "user-supplied"
            : "-";
    }

    private static string Haircut(RiskProfile profile, string asset) =>
        profile.Haircuts.ContainsKey(asset) ? Label(profile, $"haircuts:{asset}")
        : profile.Provenance.UserSupplied.Contains($"haircuts:{asset}") ? "user-supplied"
        : "-";

    private static string Unit(RiskProfile profile, string underlying)
    {
        if (profile.Portfolio is not { } portfolio)
            return profile.Unified is not null ? "uniMMR (standard rules)" : "-";
        if (!portfolio.Covers(underlying))
            return "-";
        return profile.Provenance.Tables.ContainsKey($"portfolio:{underlying}") ? Label(profile, $"portfolio:{underlying}") : Label(profile, "portfolio");
    }

    private static string Label(RiskProfile profile, string key) =>
        profile.Provenance.Tables.TryGetValue(key, out var table) ? $"{table.Provenance} ({table.AsOf})" : "no source recorded";
}
