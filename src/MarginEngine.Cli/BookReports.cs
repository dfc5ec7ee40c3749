using MarginEngine.Json;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Results;

namespace MarginEngine.Cli;

/// <summary>The reports of one book under the requested methods; portfolio only when the profile has its parameters (or was asked for).</summary>
internal sealed record BookReports(MarginReport? Isolated, MarginReport? Cross, PortfolioMarginResult? Portfolio)
{
    public static BookReports Compute(Book book, Modes modes)
    {
        var (account, market, profile) = (book.Account, book.Market, book.Profile);
        var portfolioWanted = modes == Modes.Portfolio || (modes.HasFlag(Modes.Portfolio) && profile.Portfolio is not null);
        return new BookReports(
            modes.HasFlag(Modes.Isolated) ? IsolatedMarginCalculator.Calculate(account, market, profile) : null,
            modes.HasFlag(Modes.Cross) ? CrossMarginCalculator.Calculate(account, market, profile) : null,
            portfolioWanted ? PortfolioMarginCalculator.Calculate(account, market, profile) : null);
    }

    public IEnumerable<MarginReport> Summaries() =>
        new[] { Isolated, Cross, Portfolio?.Report }.OfType<MarginReport>();
}
