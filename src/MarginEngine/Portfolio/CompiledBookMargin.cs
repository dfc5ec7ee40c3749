using MarginEngine.Compiled;
using MarginEngine.Results;

namespace MarginEngine.Portfolio;

/// <summary>Portfolio margin of a compiled book: its quote and its report (the engine's calls on the compiled form).</summary>
public static class CompiledBookMargin
{
    /// <summary>
    /// Portfolio IM and MM (unrounded USD, before isolated and borrow margin), without the breakdown: what
    /// <see cref="PortfolioMarginCalculator.Quote(Accounts.Account, MarketData.MarketSnapshot, Profiles.RiskProfile)"/> returns, bit for bit.
    /// </summary>
    public static MarginQuote Quote(this CompiledBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var figures = new UnitFigures[book.Units.Length];
        for (var i = 0; i < book.Units.Length; i++)
            figures[i] = RiskUnitEngine.Quote(book.Units[i], book.Portfolio);
        var (mm, im, riskMatrix) = RiskUnitEngine.Totals(book.Portfolio, figures);
        return new MarginQuote(im, mm, riskMatrix);
    }

    /// <summary>
    /// The account's report for <paramref name="quote"/> (a quote of this book): equity, pool balance, margin ratio,
    /// available balance with isolated and borrow margin added, as <see cref="PortfolioMarginCalculator.Calculate"/>'s
    /// report gives them, without the risk units' breakdown.
    /// </summary>
    public static MarginReport Report(this CompiledBook book, MarginQuote quote)
    {
        ArgumentNullException.ThrowIfNull(book);
        return PortfolioReport.Of(book.Account, book.Market, book.Profile, quote.MaintenanceMargin, quote.InitialMargin);
    }
}
