using MarginEngine.Brackets;
using MarginEngine.Instruments;
using MathNet.Numerics.RootFinding;

namespace MarginEngine.Modes;

/// <summary>
/// Liquidation price of one perpetual or future in a shared pool: the mark P at which the pool's
/// margin balance equals its MM, every other position, order and balance held where it is
/// (docs/methodology.md §Cross). Solved with Brent's method (MathNet) on
/// <c>g(P) = excess - c(mark) + c(P)</c>, where excess = margin balance - MM at mark and
/// c(P) = the position's USD P&amp;L minus its MM (and closing fee) at P; g is continuous and
/// monotone in P, so the root is unique.
/// </summary>
internal static class CrossLiquidation
{
    private const double RelativeAccuracy = 1e-10;
    private const int MaxIterations = 200;

    /// <summary>
    /// Returns the price, the mark itself when already at or past MM, or null when no price in (0, <see cref="Numerics.Limits.MaxPrice"/>]
    /// reaches MM (a short's search doubles from the mark up to that bound: at most about 80 doublings from the smallest price).
    /// </summary>
    public static double? Solve(Instrument instrument, double quantity, double entry, double mark, double settlementToUsd,
        double excessAtMark, BracketSchedule brackets, double closingFeeRate)
    {
        if (!(mark > 0) || !double.IsFinite(excessAtMark))
            return null;
        if (excessAtMark <= 0)
            return mark;
        var atMark = Contribution(instrument, quantity, entry, mark, settlementToUsd, mark, brackets, closingFeeRate);
        double G(double price) => excessAtMark - atMark + Contribution(instrument, quantity, entry, price, settlementToUsd, mark, brackets, closingFeeRate);

        double lower, upper;
        if (quantity > 0)
        {
            lower = mark * 1e-9;
            upper = mark;
            if (G(lower) > 0)
                return null;
        }
        else
        {
            lower = mark;
            upper = mark * 2;
            while (G(upper) > 0)
            {
                // Above the largest accepted price no liquidation price is representable; the bound also ends the search.
                if (upper > Numerics.Limits.MaxPrice)
                    return null;
                lower = upper;
                upper *= 2;
            }
        }

        return Brent.TryFindRoot(G, lower, upper, mark * RelativeAccuracy, MaxIterations, out var root) ? root : null;
    }

    /// <summary>
    /// USD P&amp;L minus MM and closing fee of the position at <paramref name="price"/>. Linear amounts
    /// convert at the settlement index; inverse (coin) amounts at the price itself, since the coin's
    /// USD value moves with its own mark.
    /// </summary>
    private static double Contribution(Instrument instrument, double quantity, double entry, double price, double settlementToUsd,
        double mark, BracketSchedule brackets, double closingFeeRate)
    {
        var size = (double)instrument.ContractSize;
        double notional, pnl, toUsd;
        if (instrument.Settlement == Settlement.Linear)
        {
            notional = Math.Abs(quantity) * size * price;
            pnl = quantity * size * (price - entry);
            toUsd = settlementToUsd;
        }
        else
        {
            notional = Math.Abs(quantity) * size / price;
            pnl = quantity * size * (1 / entry - 1 / price);
            toUsd = settlementToUsd * price / mark;
        }

        var bracket = brackets.Find((decimal)notional);
        var maintenance = notional * (double)bracket.MaintenanceMarginRate - (double)bracket.MaintenanceAmount + notional * closingFeeRate;
        return (pnl - maintenance) * toUsd;
    }
}
