using MarginEngine.Accounts;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Modes;

/// <summary>
/// Cross margin (docs/methodology.md §Cross): one pool of haircut collateral plus unrealised P&amp;L and
/// long option value backs every position without its own margin. IM and MM are summed over
/// positions (bracket IM and MM, standard option margin for shorts), resting orders and borrows;
/// fees count as the profile says. Each pooled perpetual or future gets the mark at which the
/// pool reaches MM with everything else held.
/// </summary>
public static class CrossMarginCalculator
{
    /// <summary>Computes the cross report of <paramref name="account"/>.</summary>
    /// <exception cref="Errors.MissingMarketDataException">A price the book needs is missing.</exception>
    /// <exception cref="Errors.MissingRiskParameterException">A bracket or haircut the book needs is missing.</exception>
    /// <exception cref="Errors.InvalidMarginInputException">An expired future or option.</exception>
    public static MarginReport Calculate(Account account, MarketSnapshot market, RiskProfile profile) =>
        StandardMargin.Build(account, market, profile, MarginMethod.Cross);
}
