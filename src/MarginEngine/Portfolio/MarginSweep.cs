using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Portfolio;

/// <summary>
/// Portfolio margin of many accounts against one market snapshot (an exchange-wide run). Each account is
/// a pure function of (account, snapshot, profile), so accounts run in parallel and the results equal
/// the sequential run's, in input order (docs/scaling.md). The snapshot and profile are compiled once per run
/// (<see cref="Compiled.CompiledMarket"/>: unit grids, each instrument's figures) and shared by every account.
/// </summary>
public static class MarginSweep
{
    /// <summary>Computes every account, on up to <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <param name="market">One snapshot for all.</param>
    /// <param name="profile">One profile for all.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use, &gt;= 1 (1 = sequential).</param>
    /// <returns>One outcome per account, in input order: the quote, or the input error that account raised.</returns>
    public static SweepOutcome[] Run(IReadOnlyList<Account> accounts, MarketSnapshot market, RiskProfile profile, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);
        if (maxDegreeOfParallelism < 1)
            throw new InvalidMarginInputException("maxDegreeOfParallelism", $"must be >= 1 but was {maxDegreeOfParallelism}");
        var outcomes = new SweepOutcome[accounts.Count];
        var compiled = Compiled.CompiledMarket.Create(market, profile);
        if (maxDegreeOfParallelism == 1)
        {
            for (var i = 0; i < outcomes.Length; i++)
                outcomes[i] = One(accounts[i], compiled);
            return outcomes;
        }

        var chunk = Math.Max(1, accounts.Count / (maxDegreeOfParallelism * 8));
        Parallel.For(0, (accounts.Count + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c =>
        {
            var end = Math.Min(accounts.Count, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
                outcomes[i] = One(accounts[i], compiled);
        });
        return outcomes;
    }

    private static SweepOutcome One(Account account, Compiled.CompiledMarket compiled)
    {
        try
        {
            return new SweepOutcome(account.Id, Compiled.CompiledBook.Compile(account, compiled).Quote(), null);
        }
        catch (Exception e) when (e is InvalidMarginInputException or MissingMarketDataException or MissingRiskParameterException)
        {
            return new SweepOutcome(account.Id, default, e.Message);
        }
    }
}

/// <summary>One account's result in a sweep: its portfolio IM/MM, or why it could not be computed.</summary>
/// <param name="AccountId">Account id.</param>
/// <param name="Quote">Portfolio IM and MM (default when <paramref name="Error"/> is set).</param>
/// <param name="Error">The input error that account raised, or null.</param>
public readonly record struct SweepOutcome(string AccountId, MarginQuote Quote, string? Error);
