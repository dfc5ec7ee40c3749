using MarginEngine.Attribution;
using MarginEngine.Json;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Results;

namespace MarginEngine.Cli;

/// <summary>The reports of one book under the requested methods; portfolio only when the profile has its parameters (or was asked for).</summary>
/// <remarks>
/// When every method is asked for, a method the profile lacks a figure for is left out with a note in
/// <see cref="NotComputed"/> (as <c>compare</c> does); asked for alone, its error is the command's.
/// </remarks>
internal sealed record BookReports(MarginReport? Isolated, MarginReport? Cross, PortfolioMarginResult? Portfolio, UnifiedMarginResult? Unified,
    IReadOnlyList<string> NotComputed)
{
    /// <summary>What each leg costs under each method computed (docs/methodology.md §What each leg costs).</summary>
    public LegCosts Costs { get; init; } = new(null, null, null);

    public static BookReports Compute(Book book, Modes modes)
    {
        var (account, market, profile) = (book.Account, book.Market, book.Profile);
        var offered = (profile.Methods.Contains(MarginMethod.Isolated) ? Modes.Isolated : 0)
            | (profile.Methods.Contains(MarginMethod.Cross) ? Modes.Cross : 0)
            | (profile.Methods.Contains(MarginMethod.Portfolio) ? Modes.Portfolio : 0);
        var explicitMode = modes != Modes.All;
        if (explicitMode && (modes & offered) != modes)
            throw new UsageException($"profile '{profile.Name}' does not offer {modes.ToString().ToLowerInvariant()} margin (it offers {offered.ToString().ToLowerInvariant()})");
        modes &= offered;
        var portfolioAsked = modes == Modes.Portfolio;
        var grid = modes.HasFlag(Modes.Portfolio) && (profile.Portfolio is not null || (portfolioAsked && profile.Unified is null));
        var unified = modes.HasFlag(Modes.Portfolio) && profile.Unified is not null;
        var notes = new List<string>();
        T? Try<T>(bool asked, string method, Func<T> compute)
            where T : class
        {
            if (!asked)
                return null;
            if (explicitMode)
                return compute();
            try
            {
                return compute();
            }
            catch (Exception e) when (e is Errors.MissingRiskParameterException or Errors.MissingMarketDataException)
            {
                notes.Add($"{method}: {e.Message}");
                return null;
            }
        }

        var result = new BookReports(
            Try(modes.HasFlag(Modes.Isolated), "isolated", () => IsolatedMarginCalculator.Calculate(account, market, profile)),
            Try(modes.HasFlag(Modes.Cross), "cross", () => CrossMarginCalculator.Calculate(account, market, profile)),
            Try(grid, "portfolio", () => PortfolioMarginCalculator.Calculate(account, market, profile)),
            Try(unified, "portfolio (uniMMR)", () => UnifiedMarginCalculator.Calculate(account, market, profile)),
            notes);
        result = result with
        {
            Costs = new LegCosts(
                result.Isolated is null ? null : MarginAttribution.Of(account, market, profile, MarginMethod.Isolated),
                result.Cross is null ? null : MarginAttribution.Of(account, market, profile, MarginMethod.Cross),
                result.Portfolio is not null ? MarginAttribution.Portfolio(account, market, profile)
                    : result.Unified is not null ? MarginAttribution.Of(account, market, profile, MarginMethod.Portfolio) : null),
        };
        return result.Summaries().Any()
            ? result
            : throw new Errors.MissingRiskParameterException(profile.Name, "figures for any method", account.Id, string.Join("; ", notes));
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

/// <summary>Each method's leg costs, null where the method was not computed.</summary>
internal sealed record LegCosts(IReadOnlyList<LegCost>? Isolated, IReadOnlyList<LegCost>? Cross, IReadOnlyList<LegCost>? Portfolio);
