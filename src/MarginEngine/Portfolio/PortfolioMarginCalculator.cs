using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Portfolio;

/// <summary>
/// Portfolio margin (docs/methodology.md §Portfolio): every position without its own margin is
/// grouped into its underlying's risk unit, revalued under the unit's scenarios (options repriced
/// with Black-76), and the worst loss plus add-ons give the unit's risk-matrix margin; units combine
/// per the profile's aggregation; MM and IM follow the profile's relation. Isolated positions keep
/// their standard isolated margin; borrows add their standard margin.
/// </summary>
public static class PortfolioMarginCalculator
{
    /// <summary>Computes portfolio margin of <paramref name="account"/>.</summary>
    /// <exception cref="MissingRiskParameterException">The profile has no portfolio parameters, or none for an underlying held.</exception>
    /// <exception cref="MissingMarketDataException">A price or vol the book needs is missing.</exception>
    /// <exception cref="InvalidMarginInputException">An expired future or option.</exception>
    public static PortfolioMarginResult Calculate(Account account, MarketSnapshot market, RiskProfile profile) =>
        PortfolioRiskState.Create(account, market, profile).Result;

    /// <summary>
    /// Portfolio IM and MM only (unrounded USD, before isolated and borrow margin): the same computation as
    /// <see cref="Calculate"/> without the breakdown, for pre-trade checks and exchange-wide sweeps.
    /// </summary>
    /// <exception cref="MissingRiskParameterException">The profile has no portfolio parameters, or none for an underlying held.</exception>
    /// <exception cref="MissingMarketDataException">A price or vol the book needs is missing.</exception>
    /// <exception cref="InvalidMarginInputException">An expired future or option.</exception>
    public static MarginQuote Quote(Account account, MarketSnapshot market, RiskProfile profile) =>
        Compiled.CompiledBook.Compile(account, market, profile).Quote();
}
