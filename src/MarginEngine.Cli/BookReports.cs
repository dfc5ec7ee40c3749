using MarginEngine.Json;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Results;

namespace MarginEngine.Cli;

/// <summary>The reports of one book under the requested methods; portfolio only when the profile has its parameters (or was asked for).</summary>
internal sealed record BookReports(MarginReport? Isolated, MarginReport? Cross, PortfolioMarginResult? Portfolio, UnifiedMarginResult? Unified)
{
    public static BookReports Compute(Book book, Modes modes)
    {
        var (account, market, profile) = (book.Account, book.Market, book.Profile);
        var offered = (profile.Methods.Contains(MarginMethod.Isolated) ? Modes.Isolated : 0)
            | (profile.Methods.Contains(MarginMethod.Cross) ? Modes.Cross : 0)
            | (profile.Methods.Contains(MarginMethod.Portfolio) ? Modes.Portfolio : 0);
        if (modes != Modes.All && (modes & offered) != modes)
            throw new UsageException($"profile '{profile.Name}' does not offer {modes.ToString().ToLowerInvariant()} margin (it offers {offered.ToString().ToLowerInvariant()})");
        modes &= offered;
        var portfolioAsked = modes == Modes.Portfolio;
        var grid = modes.HasFlag(Modes.Portfolio) && (profile.Portfolio is not null || (portfolioAsked && profile.Unified is null));
        var unified = modes.HasFlag(Modes.Portfolio) && profile.Unified is not null;
        return new BookReports(
            modes.HasFlag(Modes.Isolated) ? IsolatedMarginCalculator.Calculate(account, market, profile) : null,
            modes.HasFlag(Modes.Cross) ? CrossMarginCalculator.Calculate(account, market, profile) : null,
            grid ? PortfolioMarginCalculator.Calculate(account, market, profile) : null,
            unified ? UnifiedMarginCalculator.Calculate(account, market, profile) : null);
    }

    /// <summary>Each computed summary with its column label.</summary>
    public IEnumerable<(string Label, MarginReport Report)> Summaries()
    {
        if (Isolated is not null)
            yield return ("Isolated", Isolated);
        if (Cross is not null)
            yield return ("Cross", Cross);
        if (Portfolio is not null)
            yield return ("Portfolio", Portfolio.Report);
        if (Unified is not null)
            yield return ("Portfolio (uniMMR)", Unified.Report);
    }
}
