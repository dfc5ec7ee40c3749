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

    private static readonly (string Item, Func<RiskProfile, string> Cell)[] Rules =
    [
        ("isolated liquidation price", p => Standard(p, p.IsolatedLiquidation == LiquidationPriceRule.MaintenanceAtEntry ? "MM at entry (Bybit)" : "MM at the liquidation price (Binance)")),
        ("resting orders", p => Standard(p, (p.OpenOrders.MaintenanceAsIfFilled, p.OpenOrders.ClosingFeeAsIfFilled) switch
        {
            (true, true) => "IM; MM and closing fee as if filled (KuCoin)",
            (true, false) => "IM; MM as if filled",
            (false, true) => "IM; closing fee as if filled",
            _ => "IM reserved",
        })),
        ("option premium in IM", p => p.Options is { } o ? o.PremiumBasis == OptionPremiumBasis.Mark ? "mark (Deribit)" : "max(entry, mark) (Bybit)" : "-"),
        ("borrowed", p => p.Borrow.Basis == BorrowBasis.NegativeCurrencyEquity ? "negative currency equity (OKX MR8)" : "negative balance"),
        ("collateral haircut", p => p.Haircut == HaircutApplication.InitialMarginOnly ? "IM only" : "in the collateral value"),
        ("portfolio MM / IM", p => p.Portfolio switch
        {
            null => p.Unified is null ? "-" : "uniMMR ladder",
            { LossFactors: { } lf } => $"loss factors {lf.Maintenance} / {lf.Initial}",
            { InitialFactor: { } f } => $"MM = RM, IM = {f} x MM",
            var pp => $"MM = {pp.MaintenanceFactor} x RM, IM = RM",
        }),
        ("cross-unit offsets", p => p.Portfolio?.Aggregation switch
        {
            null => "-",
            CrossUnitAggregation.SpreadCredits => "inter-commodity spreads (SPAN)",
            CrossUnitAggregation.ScanningSpreads => "scanning-based spreads (SPAN)",
            CrossUnitAggregation.PairCredit => "pair credit",
            CrossUnitAggregation.Correlation => "correlation",
            _ => "none",
        }),
        ("extended-cell gains", p => p.Portfolio?.Units.Values.Any(u => u.ExtendedMoves.Length > 0) == true
            ? p.Portfolio.Units.Values.All(u => u.ZeroExtendedGains) ? "zero (Deribit)" : "at the gain offset"
            : "-"),
        ("short-option contingency", p => p.Portfolio?.Units.Values.FirstOrDefault(u => u.AddOns.ShortOptionContingency is not null) is { } u
            ? u.AddOns.ShortOptionNetting == ShortOptionNetting.AcrossRightsAtStrike ? "netted across rights at a strike" : "per series"
            : "-"),
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
        lines.Add($"| **rules** |{string.Concat(presets.Select(_ => " |"))}");
        lines.AddRange(Rules.Select(i => $"| {i.Item} | {string.Join(" | ", presets.Select(i.Cell))} |"));
        return string.Join('\n', lines) + '\n';
    }

    private static Instrument[] Linear(Asset coin) => [new Perpetual("x", coin, Usdt, Settlement.Linear), new Perpetual("x", coin, Usdc, Settlement.Linear)];

    private static string Standard(RiskProfile profile, string rule) => profile.Methods.Contains(MarginMethod.Isolated) ? rule : "-";

    private static string Rule(RiskProfile profile, Instrument[] instruments)
    {
        if (!profile.Methods.Contains(MarginMethod.Isolated))
            return profile.Portfolio is not null && instruments[0].Underlying.Id is var u && profile.Portfolio.Covers(u) ? "portfolio grid only" : "-";
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
