using MarginEngine.Accounts;
using MarginEngine.MarketData;
using MarginEngine.Profiles;

namespace MarginEngine.Compiled;

/// <summary>
/// An account's portfolio book compiled against one snapshot and profile (docs/architecture.md §Compiled book): its
/// risk units, each with its scenario grid and its legs in the form the scenario kernel reads (per option: kernel
/// constants and σ'√T per vol level; per unit: shocked prices, ln(1+move) and the currency coefficients as lanes
/// padded to the vector width). Every portfolio path of the engine starts from it: the quote, the report, the full
/// breakdown, the what-ifs and sweeps. Immutable and thread-safe once compiled.
/// </summary>
public sealed class CompiledBook
{
    private CompiledBook(Account account, MarketSnapshot market, RiskProfile profile, PortfolioParameters portfolio, CompiledUnit[] units,
        CompiledMarket? compiledMarket)
    {
        CompiledMarket = compiledMarket;
        Account = account;
        Market = market;
        Profile = profile;
        Portfolio = portfolio;
        Units = units;
    }

    /// <summary>The account compiled.</summary>
    public Account Account { get; }

    /// <summary>The snapshot it was compiled against.</summary>
    public MarketSnapshot Market { get; }

    /// <summary>The profile it was compiled under.</summary>
    public RiskProfile Profile { get; }

    /// <summary>The underlyings of its risk units, in evaluation order.</summary>
    public IEnumerable<string> Underlyings => Units.Select(u => u.Underlying);

    internal PortfolioParameters Portfolio { get; }

    /// <summary>The compiled snapshot it was compiled against, or null when compiled alone.</summary>
    internal CompiledMarket? CompiledMarket { get; }

    internal CompiledUnit[] Units { get; }

    /// <summary>Compiles <paramref name="account"/>'s pooled positions, resting orders and coin collateral into risk units.</summary>
    /// <exception cref="Errors.MissingRiskParameterException">The profile has no portfolio parameters, or none for an underlying held.</exception>
    /// <exception cref="Errors.MissingMarketDataException">A price or vol the book needs is missing.</exception>
    /// <exception cref="Errors.InvalidMarginInputException">An expired future or option, or a vol that cannot be repriced.</exception>
    public static CompiledBook Compile(Account account, MarketSnapshot market, RiskProfile profile)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);
        return Compile(account, market, profile, profile.GetPortfolio().At(market), null);
    }

    /// <summary>
    /// Compiles <paramref name="account"/> against a compiled snapshot and profile, reusing the grids and the figures of
    /// every instrument an earlier account brought: what a sweep of many accounts does. Same bits as compiling alone.
    /// </summary>
    /// <exception cref="Errors.MissingRiskParameterException">No portfolio parameters for an underlying held.</exception>
    /// <exception cref="Errors.MissingMarketDataException">A price or vol the book needs is missing.</exception>
    /// <exception cref="Errors.InvalidMarginInputException">An expired future or option, or a vol that cannot be repriced.</exception>
    public static CompiledBook Compile(Account account, CompiledMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return Compile(account, market.Market, market.Profile, market.Portfolio, market);
    }

    /// <summary>The units of the underlyings <paramref name="include"/> accepts only: what a price move of some underlyings recompiles.</summary>
    internal static CompiledBook CompileUnits(Account account, MarketSnapshot market, RiskProfile profile, PortfolioParameters portfolio, Func<string, bool> include) =>
        Compile(account, market, profile, portfolio, null, include);

    private static CompiledBook Compile(Account account, MarketSnapshot market, RiskProfile profile, PortfolioParameters portfolio, CompiledMarket? compiled,
        Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var (groups, orders) = RiskUnits.Units(account, market, profile, portfolio, compiled, include);
        var units = new CompiledUnit[groups.Count];
        for (var i = 0; i < units.Length; i++)
        {
            var (underlying, exposures) = groups[i];
            var parameters = portfolio.For(underlying, profile.Name);
            var index = market.GetIndexPrice(underlying);
            var grid = compiled?.Grid(parameters, index) ?? new UnitGrid(parameters, index);
            units[i] = new CompiledUnit(underlying, market.GetConfidence(underlying), grid,
                new CompiledLegs(grid, exposures, compiled), new CompiledLegs(grid, RiskUnits.OrdersOf(orders, underlying), compiled));
        }

        return new CompiledBook(account, market, profile, portfolio, units, compiled);
    }
}
