using MarginEngine.Brackets;
using MarginEngine.Instruments;

namespace MarginEngine.Modes;

/// <summary>
/// Closed-form liquidation and bankruptcy prices of one isolated perpetual or future
/// (docs/methodology.md §Isolated). Side s = +1 long / -1 short; Q = |quantity| x contract size;
/// WB = the position's margin in its settlement asset; f = closing-fee rate when fees count, else 0.
/// Linear: <c>LP = (WB + cum - s Q E) / (Q (mmr + f) - s Q)</c>.
/// Inverse (F = Q in USD, WB in coin; from "equity in coin = MM in coin"):
/// <c>LP = (F (mmr + f) + s F) / (WB + cum + s F / E)</c>.
/// Each bracket is tried and the one whose notional at LP lies inside it is kept: MM is continuous and
/// the margin balance minus MM is monotone in price, so exactly one bracket agrees.
/// </summary>
public static class IsolatedLiquidation
{
    /// <summary>The liquidation price, or null when no positive price meets the MM (e.g. a fully funded long).</summary>
    /// <param name="instrument">A perpetual or future.</param>
    /// <param name="quantity">Signed contracts.</param>
    /// <param name="entryPrice">Average entry price.</param>
    /// <param name="margin">Allocated margin, settlement asset.</param>
    /// <param name="brackets">The instrument's brackets.</param>
    /// <param name="closingFeeRate">Taker rate when closing fees count toward MM, else 0.</param>
    public static decimal? LiquidationPrice(Instrument instrument, decimal quantity, decimal entryPrice, decimal margin,
        BracketSchedule brackets, decimal closingFeeRate)
    {
        var side = Math.Sign(quantity);
        var size = Math.Abs(quantity) * instrument.ContractSize;
        foreach (var bracket in brackets.Brackets)
        {
            var rate = bracket.MaintenanceMarginRate + closingFeeRate;
            decimal numerator, denominator;
            if (instrument.Settlement == Settlement.Linear)
            {
                numerator = margin + bracket.MaintenanceAmount - side * size * entryPrice;
                denominator = size * rate - side * size;
            }
            else
            {
                numerator = size * rate + side * size;
                denominator = margin + bracket.MaintenanceAmount + side * size / entryPrice;
            }

            if (denominator == 0m)
                continue;
            var price = numerator / denominator;
            if (price <= 0m)
                continue;
            var notional = instrument.Settlement == Settlement.Linear ? size * price : size / price;
            if (bracket.Contains(notional) || (bracket == brackets.Brackets[^1] && notional >= bracket.NotionalFloor))
                return price;
        }

        return null;
    }

    /// <summary>
    /// Bybit's rule (<see cref="Profiles.LiquidationPriceRule.MaintenanceAtEntry"/>): MM is taken on the
    /// position value at entry, MMe = bracket MM of the entry notional. Linear <c>LP = E - s (WB - MMe) / Q</c>,
    /// i.e. <c>E x (1 - 1/leverage + MMR)</c> for a long without deduction; inverse
    /// <c>1 / LP = 1/E + s (WB - MMe) / F</c>, i.e. <c>E x leverage / (leverage + 1 - MMR x leverage)</c> for a long.
    /// Null when no positive price solves it.
    /// </summary>
    /// <param name="instrument">A perpetual or future.</param>
    /// <param name="quantity">Signed contracts.</param>
    /// <param name="entryPrice">Average entry price.</param>
    /// <param name="margin">Allocated margin, settlement asset.</param>
    /// <param name="brackets">The instrument's brackets.</param>
    public static decimal? LiquidationPriceWithEntryMaintenance(Instrument instrument, decimal quantity, decimal entryPrice, decimal margin,
        BracketSchedule brackets)
    {
        var side = Math.Sign(quantity);
        var size = Math.Abs(quantity) * instrument.ContractSize;
        if (instrument.Settlement == Settlement.Linear)
        {
            var entryNotional = size * entryPrice;
            var price = entryPrice - side * (margin - brackets.MaintenanceMargin(entryNotional)) / size;
            return price > 0m ? price : null;
        }

        var inverse = 1m / entryPrice + side * (margin - brackets.MaintenanceMargin(size / entryPrice)) / size;
        return inverse > 0m ? 1m / inverse : null;
    }

    /// <summary>
    /// The price at which the margin balance (margin + P&amp;L) is zero, or null when none is positive.
    /// Linear <c>E - s WB / Q</c>; inverse <c>1 / (1/E + s WB / F)</c>.
    /// </summary>
    public static decimal? BankruptcyPrice(Instrument instrument, decimal quantity, decimal entryPrice, decimal margin)
    {
        var side = Math.Sign(quantity);
        var size = Math.Abs(quantity) * instrument.ContractSize;
        if (instrument.Settlement == Settlement.Linear)
        {
            var price = entryPrice - side * margin / size;
            return price > 0m ? price : null;
        }

        var inverse = 1m / entryPrice + side * margin / size;
        return inverse > 0m ? 1m / inverse : null;
    }
}
