using System.Collections.Frozen;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>
/// The parameters of standard margin: leverage brackets per instrument, haircut schedule per asset,
/// borrow, option, fee and open-order rules. Venue presets are instances of it
/// (see docs/presets.md). A missing bracket or haircut throws; it never counts as zero.
/// </summary>
public sealed class RiskProfile
{
    private readonly FrozenDictionary<string, BracketSchedule> _brackets;
    private readonly FrozenDictionary<string, HaircutSchedule> _haircuts;

    /// <summary>Creates a profile.</summary>
    /// <param name="name">Name shown in reports, e.g. <c>binance</c>.</param>
    /// <param name="brackets">Leverage brackets per instrument id.</param>
    /// <param name="haircuts">Haircut schedule per asset id; every asset held or borrowed needs one.</param>
    /// <param name="borrow">Margin on borrowed value.</param>
    /// <param name="options">Standard option margin rates.</param>
    /// <param name="fees">Whether and how fees count.</param>
    /// <param name="openOrders">How resting orders count.</param>
    /// <param name="portfolio">Portfolio-margin parameters, or null when the profile has none.</param>
    /// <param name="unified">Binance-style unified margin ladder, or null.</param>
    public RiskProfile(
        string name,
        IReadOnlyDictionary<string, BracketSchedule> brackets,
        IReadOnlyDictionary<string, HaircutSchedule> haircuts,
        BorrowRates borrow,
        OptionMarginRates options,
        FeePolicy fees,
        OpenOrderPolicy openOrders,
        Portfolio.PortfolioParameters? portfolio = null,
        Portfolio.UnifiedMarginParameters? unified = null)
    {
        Name = Guard.Id(name, "profile.name");
        _brackets = Guard.NotNull(brackets, "profile.brackets").ToFrozenDictionary(StringComparer.Ordinal);
        _haircuts = Guard.NotNull(haircuts, "profile.haircuts").ToFrozenDictionary(StringComparer.Ordinal);
        Borrow = Guard.NotNull(borrow, "profile.borrow");
        Options = Guard.NotNull(options, "profile.options");
        Fees = Guard.NotNull(fees, "profile.fees");
        OpenOrders = Guard.NotNull(openOrders, "profile.openOrders");
        Portfolio = portfolio;
        Unified = unified;
    }

    /// <summary>Profile name.</summary>
    public string Name { get; }

    /// <summary>Leverage brackets by instrument id.</summary>
    public IReadOnlyDictionary<string, BracketSchedule> Brackets => _brackets;

    /// <summary>Haircut schedules by asset id.</summary>
    public IReadOnlyDictionary<string, HaircutSchedule> Haircuts => _haircuts;

    /// <summary>Margin on borrowed value.</summary>
    public BorrowRates Borrow { get; }

    /// <summary>Standard option margin rates.</summary>
    public OptionMarginRates Options { get; }

    /// <summary>Fee rules.</summary>
    public FeePolicy Fees { get; }

    /// <summary>Open-order rules.</summary>
    public OpenOrderPolicy OpenOrders { get; }

    /// <summary>Portfolio-margin parameters, or null.</summary>
    public Portfolio.PortfolioParameters? Portfolio { get; }

    /// <summary>Binance-style unified margin ladder, or null.</summary>
    public Portfolio.UnifiedMarginParameters? Unified { get; }

    /// <summary>Portfolio-margin parameters.</summary>
    /// <exception cref="MissingRiskParameterException">The profile has none.</exception>
    public Portfolio.PortfolioParameters GetPortfolio() =>
        Portfolio ?? throw new MissingRiskParameterException(Name, "portfolio parameters", Name);

    /// <summary>Brackets of <paramref name="instrumentId"/>.</summary>
    /// <exception cref="MissingRiskParameterException">None in this profile.</exception>
    public BracketSchedule GetBrackets(string instrumentId) =>
        _brackets.TryGetValue(instrumentId, out var schedule) ? schedule : throw new MissingRiskParameterException(Name, "leverage brackets", instrumentId);

    /// <summary>Haircut schedule of <paramref name="assetId"/>.</summary>
    /// <exception cref="MissingRiskParameterException">None in this profile.</exception>
    public HaircutSchedule GetHaircut(string assetId) =>
        _haircuts.TryGetValue(assetId, out var schedule) ? schedule : throw new MissingRiskParameterException(Name, "haircut schedule", assetId);
}
