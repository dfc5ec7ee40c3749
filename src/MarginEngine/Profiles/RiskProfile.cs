using System.Collections.Frozen;
using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.Results;

namespace MarginEngine.Profiles;

/// <summary>
/// The parameters of standard margin: leverage brackets or size-scaled rules per product, haircut
/// schedule per asset, borrow, option, fee and open-order rules, and optionally portfolio-margin
/// parameters. Venue presets are instances of it (docs/presets.md). Rules are looked up by
/// <see cref="ProductKey"/>: the instrument id first, then its product forms. A figure the profile
/// lacks is taken from its <see cref="Supplement"/> if the user gave one; otherwise the look-up
/// throws. It never counts as zero.
/// </summary>
public sealed record RiskProfile
{
    private const string SupplyHint = "supply it in the book's \"supplied\" section or with RiskProfile.WithSupplement";

    /// <summary>Creates a profile. Every property can be changed later with <c>with</c>; each is validated as it is set.</summary>
    /// <param name="name">Name shown in reports, e.g. <c>binance</c>.</param>
    /// <param name="brackets">Leverage brackets by instrument id or product key.</param>
    /// <param name="haircuts">Haircut schedule per asset id; every asset held needs one.</param>
    /// <param name="borrow">Margin on borrowed value.</param>
    /// <param name="options">Standard option margin rates, or null when the profile has none.</param>
    /// <param name="fees">Whether and how fees count.</param>
    /// <param name="openOrders">How resting orders count.</param>
    /// <param name="portfolio">Portfolio-margin parameters, or null when the profile has none.</param>
    /// <param name="unified">Binance-style unified margin ladder, or null.</param>
    /// <param name="sizeScaled">Size-scaled rules (Deribit) by instrument id or product key.</param>
    /// <param name="methods">The methods the profile offers; by default isolated and cross, plus portfolio when it has portfolio or unified parameters.</param>
    /// <param name="provenance">Sources of the figures and what is left to the user.</param>
    /// <param name="supplement">Figures supplied by the user for the gaps.</param>
    /// <exception cref="InvalidMarginInputException">A key with both brackets and a size-scaled rule, or portfolio offered without parameters.</exception>
    public RiskProfile(
        string name,
        IReadOnlyDictionary<string, BracketSchedule> brackets,
        IReadOnlyDictionary<string, HaircutSchedule> haircuts,
        BorrowRates borrow,
        OptionMarginRates? options,
        FeePolicy fees,
        OpenOrderPolicy openOrders,
        PortfolioParameters? portfolio = null,
        UnifiedMarginParameters? unified = null,
        IReadOnlyDictionary<string, SizeScaledMargin>? sizeScaled = null,
        IEnumerable<MarginMethod>? methods = null,
        ProfileProvenance? provenance = null,
        ProfileSupplement? supplement = null)
    {
        Name = name;
        Brackets = brackets;
        SizeScaled = sizeScaled ?? new Dictionary<string, SizeScaledMargin>();
        Haircuts = haircuts;
        Borrow = borrow;
        Options = options;
        Fees = fees;
        OpenOrders = openOrders;
        Portfolio = portfolio;
        Unified = unified;
        Methods = methods is null ? default : [.. methods];
        Provenance = provenance ?? ProfileProvenance.None;
        Supplement = supplement;
        if (Methods.Contains(MarginMethod.Portfolio) && portfolio is null && unified is null)
            throw new InvalidMarginInputException("profile.methods", "offers portfolio but the profile has no portfolio or unified parameters");
    }

    /// <summary>Profile name.</summary>
    public string Name { get; init => field = Guard.Id(value, "profile.name"); }

    /// <summary>Leverage brackets by instrument id or product key.</summary>
    public IReadOnlyDictionary<string, BracketSchedule> Brackets
    {
        get;
        init => field = NoOverlap(Guard.NotNull(value, "profile.brackets").ToFrozenDictionary(StringComparer.Ordinal), SizeScaled, "profile.brackets");
    }

    /// <summary>Size-scaled rules by instrument id or product key.</summary>
    public IReadOnlyDictionary<string, SizeScaledMargin> SizeScaled
    {
        get;
        init => field = NoOverlap(Guard.NotNull(value, "profile.sizeScaled").ToFrozenDictionary(StringComparer.Ordinal), Brackets, "profile.sizeScaled");
    }

    /// <summary>Haircut schedules by asset id.</summary>
    public IReadOnlyDictionary<string, HaircutSchedule> Haircuts
    {
        get;
        init => field = Guard.NotNull(value, "profile.haircuts").ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Margin on borrowed value.</summary>
    public BorrowRates Borrow { get; init => field = Guard.NotNull(value, "profile.borrow"); }

    /// <summary>Standard option margin rates, or null when the profile has none.</summary>
    public OptionMarginRates? Options { get; init; }

    /// <summary>Fee rules.</summary>
    public FeePolicy Fees { get; init => field = Guard.NotNull(value, "profile.fees"); }

    /// <summary>Open-order rules.</summary>
    public OpenOrderPolicy OpenOrders { get; init => field = Guard.NotNull(value, "profile.openOrders"); }

    /// <summary>Where collateral haircuts count: in the collateral's value (default) or as an IM charge only.</summary>
    public HaircutApplication Haircut { get; init; }

    /// <summary>How an isolated position's liquidation price is found (docs/methodology.md §Isolated).</summary>
    public LiquidationPriceRule IsolatedLiquidation { get; init; }

    /// <summary>Portfolio-margin parameters, or null.</summary>
    public PortfolioParameters? Portfolio { get; init; }

    /// <summary>Binance-style unified margin ladder, or null.</summary>
    public UnifiedMarginParameters? Unified { get; init; }

    /// <summary>The methods the profile offers (a SPAN profile: portfolio only); derived from the parameters unless set.</summary>
    public ImmutableArray<MarginMethod> Methods
    {
        get => field.IsDefault
            ? Portfolio is null && Unified is null ? [MarginMethod.Isolated, MarginMethod.Cross] : [MarginMethod.Isolated, MarginMethod.Cross, MarginMethod.Portfolio]
            : field;
        init => field = value.IsDefault ? value
            : value.IsEmpty ? throw new InvalidMarginInputException("profile.methods", "must name at least one method")
            : [.. value.Distinct().Order()];
    }

    /// <summary>Sources of the figures and what is left to the user.</summary>
    public ProfileProvenance Provenance { get; init => field = Guard.NotNull(value, "profile.provenance"); }

    /// <summary>The user's figures for the gaps, or null.</summary>
    public ProfileSupplement? Supplement { get; init; }

    private static FrozenDictionary<string, T> NoOverlap<T, TOther>(FrozenDictionary<string, T> rules, IReadOnlyDictionary<string, TOther>? other, string field)
    {
        foreach (var key in rules.Keys.Where(k => other?.ContainsKey(k) == true))
            throw new InvalidMarginInputException($"{field}[{key}]", "has both brackets and a size-scaled rule; give one rule per key");
        return rules;
    }

    /// <summary>The same profile with <paramref name="supplement"/> filling its gaps (it replaces any earlier supplement).</summary>
    public RiskProfile WithSupplement(ProfileSupplement? supplement) => this with { Supplement = supplement };

    /// <summary>Portfolio-margin parameters.</summary>
    /// <exception cref="MissingRiskParameterException">The profile has none.</exception>
    public PortfolioParameters GetPortfolio() =>
        Portfolio ?? throw new MissingRiskParameterException(Name, "portfolio parameters", Name);

    /// <summary>
    /// The brackets filed under exactly <paramref name="key"/> (an instrument id or product key), the profile's before the
    /// supplement's; where the profile's stop at a cap, the supplement's brackets above that cap extend them.
    /// </summary>
    /// <exception cref="MissingRiskParameterException">None under that key.</exception>
    public BracketSchedule GetBrackets(string key) =>
        Brackets.TryGetValue(key, out var schedule) ? Extend(schedule, key)
        : Supplement?.Brackets.TryGetValue(key, out schedule) == true ? schedule!
        : throw new MissingRiskParameterException(Name, "leverage brackets", key, SupplyHint);

    /// <summary>
    /// The bracket schedule that margins <paramref name="instrument"/> at a position of
    /// <paramref name="sizeInCoins"/> (|quantity| in coins; for an inverse contract its notional in
    /// coin): published brackets as they are, a size-scaled rule as its one-bracket equivalent at that
    /// size. Keys are tried in <see cref="ProductKey.Candidates"/> order, the profile's before the supplement's; where the
    /// profile's brackets stop at a cap, the supplement's under the same key extend them above it.
    /// </summary>
    /// <exception cref="MissingRiskParameterException">Neither the profile nor the supplement has a rule.</exception>
    public BracketSchedule GetBrackets(Instrument instrument, decimal sizeInCoins)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (TryRule(Brackets, SizeScaled, instrument, sizeInCoins, out var schedule, out var key))
            return Extend(schedule, key);
        if (Supplement is { } s && TryRule(s.Brackets, s.SizeScaled, instrument, sizeInCoins, out schedule, out _))
            return schedule;
        throw new MissingRiskParameterException(Name, "leverage brackets", instrument.Id,
            $"looked up as {string.Join(", ", ProductKey.Candidates(instrument))}; {LeftToUser("brackets", instrument)}{SupplyHint}");
    }

    /// <summary>
    /// Haircut schedule of <paramref name="assetId"/>, the profile's before the supplement's; where the profile's tiers
    /// stop at a cap, the supplement's tiers above that cap extend them.
    /// </summary>
    /// <exception cref="MissingRiskParameterException">Neither has one.</exception>
    public HaircutSchedule GetHaircut(string assetId) =>
        Haircuts.TryGetValue(assetId, out var schedule)
            ? (schedule.IsBounded && Supplement?.Haircuts.TryGetValue(assetId, out var higher) == true
                ? schedule.ExtendedBy(higher, $"supplied.haircuts[{assetId}]")
                : schedule)
        : Supplement?.Haircuts.TryGetValue(assetId, out schedule) == true ? schedule!
        : throw new MissingRiskParameterException(Name, "haircut schedule", assetId,
            $"{(Provenance.UserSupplied.Contains($"haircuts:{assetId}") ? "the preset leaves it to the user; " : "")}{SupplyHint}");

    /// <summary>The key of the bracket or size-scaled rule that margins <paramref name="instrument"/> (the profile's, else the supplement's), or null.</summary>
    internal string? RuleKey(Instrument instrument) =>
        FindKey(Brackets, SizeScaled, instrument) ?? (Supplement is { } s ? FindKey(s.Brackets, s.SizeScaled, instrument) : null);

    /// <summary>Standard option margin rates, the profile's before the supplement's.</summary>
    /// <exception cref="MissingRiskParameterException">Neither has them.</exception>
    public OptionMarginRates GetOptionRates() =>
        Options ?? Supplement?.Options ?? throw new MissingRiskParameterException(Name, "standard option margin rates", "options",
            $"{(Provenance.UserSupplied.Contains("options") ? "the preset leaves them to the user; " : "")}{SupplyHint}");

    /// <summary>
    /// The figures that margining <paramref name="account"/> under <paramref name="method"/> takes from
    /// the supplement rather than the profile, e.g. <c>haircuts:ETH (book)</c>; empty when the profile
    /// covers the account itself. Under scenario-grid portfolio margin only isolated positions use
    /// standard rules.
    /// </summary>
    public IReadOnlyList<string> SuppliedFiguresFor(Account account, MarginMethod method)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Supplement is not { } s)
            return [];
        var used = new SortedSet<string>(StringComparer.Ordinal);
        var grid = method == MarginMethod.Portfolio && Portfolio is not null;
        var standard = grid
            ? account.Positions.Where(p => p.IsIsolated).Select(p => p.Instrument)
            : account.Positions.Select(p => p.Instrument).Concat(account.Orders.Select(o => o.Instrument));
        foreach (var instrument in standard)
        {
            if (instrument is EuropeanOption)
            {
                if (Options is null && s.Options is not null)
                    used.Add($"options ({s.Label})");
            }
            else if (instrument is Perpetual or Future)
            {
                if (!TryRule(Brackets, SizeScaled, instrument, 0m, out var own, out var ownKey))
                {
                    if (FindKey(s.Brackets, s.SizeScaled, instrument) is { } key)
                        used.Add($"brackets:{key} ({s.Label})");
                }
                else if (own.IsBounded && s.Brackets.ContainsKey(ownKey))
                {
                    used.Add($"brackets:{ownKey} above {Guard.Show(own.Brackets[^1].NotionalCap)} ({s.Label})");
                }
            }
        }

        foreach (var balance in account.Balances.Where(b => b.Quantity > 0m && s.Haircuts.ContainsKey(b.Asset.Id)))
        {
            if (!Haircuts.TryGetValue(balance.Asset.Id, out var own))
                used.Add($"haircuts:{balance.Asset.Id} ({s.Label})");
            else if (own.Tiers[^1].Cap is { } top)
                used.Add($"haircuts:{balance.Asset.Id} above {Guard.Show(top)} ({s.Label})");
        }
        return [.. used];
    }

    private string LeftToUser(string kind, Instrument instrument) =>
        ProductKey.Candidates(instrument).Any(k => Provenance.UserSupplied.Contains($"{kind}:{k}")) ? "the preset leaves them to the user; " : "";

    private static string? FindKey(IReadOnlyDictionary<string, BracketSchedule> brackets, IReadOnlyDictionary<string, SizeScaledMargin> sizeScaled, Instrument instrument) =>
        ProductKey.Candidates(instrument).FirstOrDefault(k => brackets.ContainsKey(k) || sizeScaled.ContainsKey(k));

    private BracketSchedule Extend(BracketSchedule schedule, string key) =>
        schedule.IsBounded && Supplement?.Brackets.TryGetValue(key, out var higher) == true
            ? schedule.ExtendedBy(higher, $"supplied.brackets[{key}]")
            : schedule;

    private static bool TryRule(IReadOnlyDictionary<string, BracketSchedule> brackets, IReadOnlyDictionary<string, SizeScaledMargin> sizeScaled,
        Instrument instrument, decimal sizeInCoins, out BracketSchedule schedule, out string key)
    {
        foreach (var candidate in ProductKey.Candidates(instrument))
        {
            key = candidate;
            if (brackets.TryGetValue(candidate, out schedule!))
                return true;
            if (sizeScaled.TryGetValue(candidate, out var rule))
            {
                schedule = rule.AtSize(sizeInCoins, $"sizeScaled[{candidate}]");
                return true;
            }
        }

        schedule = null!;
        key = "";
        return false;
    }
}
