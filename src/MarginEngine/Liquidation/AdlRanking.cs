using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Liquidation;

/// <summary>One position's place in the auto-deleveraging queue of its instrument and side.</summary>
/// <param name="AccountId">Account.</param>
/// <param name="InstrumentId">Perpetual or future.</param>
/// <param name="Side">"long" or "short": ranked separately.</param>
/// <param name="PnlPercent">Unrealised P&amp;L over the entry value, in the settlement asset (0.1 = +10%).</param>
/// <param name="EffectiveLeverage">|notional| over the margin balance backing the position (its own, or its pool's), capped at 1,000,000 when that balance is not positive.</param>
/// <param name="Score">PnL% x effective leverage when in profit, PnL% / effective leverage otherwise (BitMEX's ranking, widely copied).</param>
/// <param name="Rank">1 = deleveraged first: the highest score of its instrument and side.</param>
/// <param name="Quantile">The share of its instrument and side's positions it ranks at or above, in (0, 1]: 1 for the first in line.</param>
/// <param name="Bucket">The quantile in fifths, 1 to 5, as venues' five-light indicators show it (5 = first in line).</param>
public sealed record AdlRank(string AccountId, string InstrumentId, string Side, double PnlPercent, double EffectiveLeverage, double Score, int Rank,
    double Quantile, int Bucket);

/// <summary>
/// Auto-deleveraging ranking across accounts (docs/methodology.md §ADL; methods.md §6): per instrument and side, every
/// perpetual and future position scored by <c>PnL% x effective leverage</c> (in profit) or <c>PnL% / effective
/// leverage</c> (at a loss), highest first; each position's quantile and five-light bucket.
/// </summary>
public static class AdlRanking
{
    /// <summary>Cap on the effective leverage of a position whose backing balance is not positive.</summary>
    public const double MaxEffectiveLeverage = 1_000_000;

    /// <summary>Ranks every perpetual and future position of <paramref name="accounts"/>, each account margined under its mode (portfolio when it and the profile say so, else cross).</summary>
    /// <exception cref="Errors.InvalidMarginInputException">Two accounts with the same id.</exception>
    public static ImmutableArray<AdlRank> Rank(IEnumerable<Account> accounts, MarketSnapshot market, RiskProfile profile)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);
        var scored = new List<(string Account, string Instrument, string Side, double Pnl, double Leverage, double Score)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (!seen.Add(account.Id))
                throw new Errors.InvalidMarginInputException($"accounts[{account.Id}]", "is given twice");
            var report = account.Mode == MarginMode.Portfolio && profile.Methods.Contains(MarginMethod.Portfolio) && profile.Portfolio is not null
                ? PortfolioMarginCalculator.Calculate(account, market, profile).Report
                : CrossMarginCalculator.Calculate(account, market, profile);
            foreach (var position in account.Positions.Where(p => p.Instrument is Perpetual or Future && p.Quantity != 0m))
            {
                var line = report.Positions.First(l => l.InstrumentId == position.Instrument.Id);
                var mark = StandardMath.Mark(market, position.Instrument);
                var entryValue = Math.Abs(StandardMath.Notional(position.Instrument, position.Quantity, position.EntryPrice));
                var pnl = (double)(StandardMath.Pnl(position.Instrument, position.Quantity, position.EntryPrice, mark) / entryValue);
                var backing = (double)(line.IsIsolated ? line.MarginBalance ?? 0m : report.MarginBalance);
                var leverage = backing > 0 ? Math.Min((double)line.Notional / backing, MaxEffectiveLeverage) : MaxEffectiveLeverage;
                scored.Add((account.Id, position.Instrument.Id, position.Side > 0 ? "long" : "short", pnl, leverage, pnl > 0 ? pnl * leverage : pnl / leverage));
            }
        }

        var ranks = ImmutableArray.CreateBuilder<AdlRank>(scored.Count);
        foreach (var queue in scored.GroupBy(s => (s.Instrument, s.Side)).OrderBy(g => g.Key.Instrument, StringComparer.Ordinal).ThenBy(g => g.Key.Side))
        {
            var ordered = queue.OrderByDescending(s => s.Score).ThenBy(s => s.Account, StringComparer.Ordinal).ToArray();
            for (var i = 0; i < ordered.Length; i++)
            {
                var s = ordered[i];
                var quantile = (double)(ordered.Length - i) / ordered.Length;
                ranks.Add(new AdlRank(s.Account, s.Instrument, s.Side, s.Pnl, s.Leverage, s.Score, i + 1, quantile, Math.Max(1, (int)Math.Ceiling(quantile * 5))));
            }
        }

        return ranks.ToImmutable();
    }
}
