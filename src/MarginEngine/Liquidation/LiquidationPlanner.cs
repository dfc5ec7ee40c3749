using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Liquidation;

/// <summary>
/// Plans the venues' liquidation ladder (Bybit, OKX; docs/methodology.md §Liquidation plan) for an account at or past
/// maintenance, every step re-margined under the account's method: cancel resting orders; repay borrows from the
/// other collateral (stablecoins first, then the largest holdings) at index; then, while the pool's margin ratio is at
/// or above the target, close the pooled position with the most headroom gained per USD of notional (probed with one
/// lot, then sized to reach the target in whole lots, at its mark); an own-margin position at or past its MM steps
/// down its brackets (reduced into the next lower one, its margin kept) and, in the lowest, is taken over at its
/// bankruptcy price. No fees or slippage.
/// </summary>
public static class LiquidationPlanner
{
    /// <summary>Bybit's and OKX's usual target: reduce until the pool's MM is under 90% of its balance.</summary>
    public const decimal DefaultTargetRatio = 0.9m;

    private const int MaxSteps = 500;

    /// <summary>The plan for <paramref name="account"/> under <paramref name="method"/>.</summary>
    /// <exception cref="InvalidMarginInputException">A target ratio outside (0, 1].</exception>
    /// <exception cref="MissingRiskParameterException">The profile does not offer the method.</exception>
    public static LiquidationPlan Plan(Account account, MarketSnapshot market, RiskProfile profile, MarginMethod method,
        decimal targetRatio = DefaultTargetRatio)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);
        if (targetRatio <= 0m || targetRatio > 1m)
            throw new InvalidMarginInputException("liquidation.targetRatio", $"must be in (0, 1] but was {targetRatio}");
        if (!profile.Methods.Contains(method))
            throw new MissingRiskParameterException(profile.Name, $"{method.ToString().ToLowerInvariant()} margin", account.Id);
        var planner = new Ladder(market, profile, method, targetRatio);
        return planner.Run(account);
    }

    private sealed class Ladder(MarketSnapshot market, RiskProfile profile, MarginMethod method, decimal target)
    {
        private readonly List<LiquidationStep> _steps = [];

        public LiquidationPlan Run(Account account)
        {
            var report = Margin(account);
            var before = report.MarginRatio;
            if (!PoolBreached(report) && !OwnMarginBreached(report).Any())
                return new LiquidationPlan(method, target, before, before, "healthy", [], account);
            if (PoolBreached(report))
            {
                if (account.Orders.Length is var orders and > 0)
                {
                    account = new Account(account.Id, account.Mode, account.Balances, account.Positions, [], account.Reserves);
                    report = Record(LiquidationAction.CancelOrders, "resting orders", orders, null, $"{orders} resting order(s) cancelled", account);
                }

                foreach (var borrow in account.Balances.Where(b => b.Quantity < 0m).ToArray())
                    (account, report) = Repay(account, borrow);
                (account, report) = Reduce(account, report);
            }

            foreach (var id in OwnMarginBreached(report).ToArray())
                (account, report) = StepDown(account, id);
            var restored = !PoolBreachedAt(report, target) && !OwnMarginBreached(report).Any();
            return new LiquidationPlan(method, target, before, report.MarginRatio, restored ? "restored" : "not restored", [.. _steps], account);
        }

        private MarginReport Margin(Account account) => method switch
        {
            MarginMethod.Isolated => IsolatedMarginCalculator.Calculate(account, market, profile),
            MarginMethod.Cross => CrossMarginCalculator.Calculate(account, market, profile),
            _ when profile.Portfolio is null => UnifiedMarginCalculator.Calculate(account, market, profile).Report,
            _ => Portfolio(account),
        };

        private MarginReport Portfolio(Account account)
        {
            var quote = PortfolioMarginCalculator.Quote(account, market, profile);
            return PortfolioReport.Of(account, market, profile, quote.MaintenanceMargin, quote.InitialMargin);
        }

        private static bool PoolBreached(MarginReport report) => PoolBreachedAt(report, 1m);

        private static bool PoolBreachedAt(MarginReport report, decimal ratio) =>
            report.Unrounded.PoolMaintenanceMargin > 0 && report.Unrounded.PoolMaintenanceMargin >= (double)ratio * report.Unrounded.MarginBalance;

        private static IEnumerable<string> OwnMarginBreached(MarginReport report) =>
            report.Positions.Where(p => p is { IsIsolated: true, MarginBalance: { } b } && b <= p.MaintenanceMargin).Select(p => p.InstrumentId);

        /// <summary>MM - target x balance of the pool: positive while the plan must go on.</summary>
        private double Excess(MarginReport report) => report.Unrounded.PoolMaintenanceMargin - (double)target * report.Unrounded.MarginBalance;

        private MarginReport Record(LiquidationAction action, string what, decimal quantity, decimal? price, string detail, Account after)
        {
            var report = Margin(after);
            _steps.Add(new LiquidationStep(_steps.Count + 1, action, what, quantity, price, detail, report.Equity, report.MaintenanceMargin,
                report.MarginBalance, report.MarginRatio));
            return report;
        }

        /// <summary>Buys back a negative balance with the other collateral at index: stablecoins first, then the largest holdings.</summary>
        private (Account, MarginReport) Repay(Account account, Balance borrow)
        {
            var asset = borrow.Asset;
            var price = StandardMath.Index(market, asset.Id);
            var owed = -borrow.Quantity * price;
            var balances = account.Balances.ToDictionary(b => b.Asset.Id, StringComparer.Ordinal);
            var sold = new List<string>();
            foreach (var donor in account.Balances.Where(b => b.Quantity > 0m && b.Asset.Id != asset.Id)
                         .OrderByDescending(b => b.Asset.IsStablecoin).ThenByDescending(b => b.Quantity * StandardMath.Index(market, b.Asset.Id)))
            {
                if (owed <= 0m)
                    break;
                var index = StandardMath.Index(market, donor.Asset.Id);
                var coins = Math.Min(donor.Quantity, owed / index);
                balances[donor.Asset.Id] = new Balance(donor.Asset, donor.Quantity - coins);
                owed -= coins * index;
                sold.Add($"{donor.Asset.Id} {coins:0.########}");
            }

            var repaid = -borrow.Quantity - owed / price;
            balances[asset.Id] = new Balance(asset, borrow.Quantity + repaid);
            var after = new Account(account.Id, account.Mode, balances.Values, account.Positions, account.Orders, account.Reserves);
            return (after, Record(LiquidationAction.RepayBorrow, asset.Id, repaid, price, $"sold {string.Join(", ", sold)}", after));
        }

        /// <summary>Closes pooled positions, best headroom per USD of notional first, until the pool is under the target.</summary>
        private (Account, MarginReport) Reduce(Account account, MarginReport report)
        {
            while (Excess(report) >= 0 && _steps.Count < MaxSteps)
            {
                var excess = Excess(report);
                var best = (Position: (Position?)null, Probe: 0m, ReliefPerContract: 0.0, PerUsd: 0.0);
                foreach (var position in account.Positions.Where(p => !p.IsIsolated && p.Quantity != 0m && p.Instrument is Perpetual or Future or EuropeanOption))
                {
                    if (method == MarginMethod.Isolated && position.Instrument is Perpetual or Future)
                        continue;
                    var probe = Math.Min(Math.Abs(position.Quantity), position.Instrument.LotSize ?? Math.Abs(position.Quantity) / 100m) * position.Side;
                    var relief = excess - Excess(Margin(Close(account, position, probe)));
                    var notional = (double)Math.Abs(StandardMath.Notional(position.Instrument, probe, StandardMath.Mark(market, position.Instrument))
                        * (position.Instrument.Settlement == Settlement.Linear ? StandardMath.Index(market, position.Instrument.SettlementAsset.Id) : 1m));
                    var perUsd = relief / Math.Max(notional, 1e-12);
                    if (relief > 0 && perUsd > best.PerUsd)
                        best = (position, probe, relief / (double)Math.Abs(probe), perUsd);
                }

                if (best.Position is not { } chosen)
                    break;
                var lot = chosen.Instrument.LotSize;
                var needed = (decimal)(excess / best.ReliefPerContract) * 1.000001m;
                var size = lot is { } l ? Math.Ceiling(needed / l) * l : needed;
                var quantity = Math.Min(Math.Max(size, Math.Abs(best.Probe)), Math.Abs(chosen.Quantity)) * chosen.Side;
                var mark = StandardMath.Mark(market, chosen.Instrument);
                account = Close(account, chosen, quantity);
                report = Record(LiquidationAction.ReducePosition, chosen.Instrument.Id, quantity, mark,
                    $"{best.PerUsd:0.######} USD of headroom per USD of notional", account);
            }

            return (account, report);
        }

        /// <summary>Closes <paramref name="quantity"/> (signed as the position) at its mark; the realised P&amp;L or premium settles into the balance.</summary>
        private Account Close(Account account, Position position, decimal quantity)
        {
            var instrument = position.Instrument;
            var mark = StandardMath.Mark(market, instrument);
            var cash = instrument is EuropeanOption
                ? quantity * instrument.ContractSize * mark
                : StandardMath.Pnl(instrument, quantity, position.EntryPrice, mark);
            var balances = account.Balances.ToDictionary(b => b.Asset.Id, StringComparer.Ordinal);
            var asset = instrument.SettlementAsset;
            balances[asset.Id] = new Balance(asset, (balances.TryGetValue(asset.Id, out var held) ? held.Quantity : 0m) + cash);
            var positions = account.Positions.Where(p => p != position).ToList();
            if (position.Quantity != quantity)
                positions.Add(position.WithQuantity(position.Quantity - quantity));
            return new Account(account.Id, account.Mode, balances.Values, positions, account.Orders, account.Reserves);
        }

        /// <summary>Reduces an own-margin position into lower brackets, its margin kept; in the lowest, takes it over at bankruptcy.</summary>
        private (Account, MarginReport) StepDown(Account account, string id)
        {
            var report = Margin(account);
            while (_steps.Count < MaxSteps)
            {
                var position = account.Positions.First(p => p.Instrument.Id == id);
                var line = report.Positions.First(p => p.IsIsolated && p.InstrumentId == id);
                if (line.MarginBalance > line.MaintenanceMargin)
                    return (account, report);
                var instrument = position.Instrument;
                var mark = StandardMath.Mark(market, instrument);
                var margin = position.IsolatedMargin ?? line.InitialMarginInSettlement;
                var schedule = StandardMath.Schedule(profile, instrument, position.Quantity, mark);
                var bracket = schedule.Find(Math.Abs(StandardMath.Notional(instrument, position.Quantity, mark)));
                var kept = bracket.Tier > 1 ? Below(instrument, bracket.NotionalFloor, mark) : 0m;
                if (kept > 0m)
                {
                    var closed = (Math.Abs(position.Quantity) - kept) * position.Side;
                    var realised = StandardMath.Pnl(instrument, closed, position.EntryPrice, mark);
                    var reduced = new Position(instrument, kept * position.Side, position.EntryPrice, margin + realised, position.Leverage);
                    account = account.WithPosition(reduced);
                    report = Record(LiquidationAction.StepDownTier, id, closed, mark, $"into bracket {bracket.Tier - 1}, margin {margin + realised:0.########} kept", account);
                    continue;
                }

                var bankruptcy = IsolatedLiquidation.BankruptcyPrice(instrument, position.Quantity, position.EntryPrice, margin);
                account = new Account(account.Id, account.Mode, account.Balances, account.Positions.Where(p => p != position), account.Orders, account.Reserves);
                return (account, Record(LiquidationAction.CloseAtBankruptcy, id, position.Quantity, bankruptcy,
                    $"lowest bracket still at or past MM: taken over, margin balance {line.MarginBalance:N2} USD lost", account));
            }

            return (account, report);
        }

        /// <summary>The largest quantity (whole lots; 1e-8 without a lot size) whose notional at <paramref name="mark"/> is below <paramref name="floor"/>.</summary>
        private static decimal Below(Instrument instrument, decimal floor, decimal mark)
        {
            var perContract = Math.Abs(StandardMath.Notional(instrument, 1m, mark));
            var lot = instrument.LotSize ?? 1e-8m;
            var quantity = Math.Floor(floor / perContract / lot) * lot;
            return StandardMath.Notional(instrument, quantity, mark) >= floor ? quantity - lot : quantity;
        }
    }
}
