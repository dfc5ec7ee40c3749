using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Modes;

/// <summary>
/// Isolated margin (docs/methodology.md §Isolated, Binance USDⓈ-M / COIN-M): each perpetual or
/// future has its own margin; IM = notional / leverage and MM = notional x mmr - cum with the bracket
/// of the notional at mark; liquidation and bankruptcy prices in closed form.
/// </summary>
public static class IsolatedMarginCalculator
{
    /// <summary>
    /// The account with every perpetual and future margined alone: its allocated margin, or its IM
    /// at mark when it has none. Spot, options, orders and borrows count as in cross.
    /// </summary>
    public static MarginReport Calculate(Account account, MarketSnapshot market, RiskProfile profile) =>
        StandardMargin.Build(account, market, profile, MarginMethod.Isolated);

    /// <summary>The line of one isolated perpetual or future.</summary>
    /// <exception cref="InvalidMarginInputException">The position is not a perpetual or future, or is not isolated.</exception>
    public static PositionMargin Calculate(Position position, MarketSnapshot market, RiskProfile profile)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Instrument is not (Perpetual or Future) || !position.IsIsolated)
            throw new InvalidMarginInputException($"positions[{position.Instrument.Id}].isolatedMargin",
                "an isolated calculation needs a perpetual or future with allocated margin");
        return StandardMargin.IsolatedLine(position, StandardMath.Evaluate(position, market, profile), profile);
    }
}
