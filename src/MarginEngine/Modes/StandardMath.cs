using MarginEngine.Accounts;
using MarginEngine.Brackets;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Numerics;
using MarginEngine.Options;
using MarginEngine.Profiles;

namespace MarginEngine.Modes;

/// <summary>Standard-margin arithmetic of one position or order (docs/methodology.md §Brackets, §Options, §Orders).</summary>
internal static class StandardMath
{
    /// <summary>|exposure| in the settlement asset: linear |q| x size x price; inverse |q| x size / price.</summary>
    public static decimal Notional(Instrument instrument, decimal quantity, decimal price) => instrument.Settlement switch
    {
        Settlement.Linear => Math.Abs(quantity) * instrument.ContractSize * price,
        _ => Math.Abs(quantity) * instrument.ContractSize / price,
    };

    /// <summary>P&amp;L in the settlement asset: linear q x size x (P - E); inverse q x size x (1/E - 1/P).</summary>
    public static decimal Pnl(Instrument instrument, decimal quantity, decimal entry, decimal price) => instrument.Settlement switch
    {
        Settlement.Linear => quantity * instrument.ContractSize * (price - entry),
        _ => quantity * instrument.ContractSize * (1m / entry - 1m / price),
    };

    /// <summary>Position size in coins for size-scaled rules: linear |q| x size; inverse the notional in coin at <paramref name="price"/>.</summary>
    public static decimal SizeInCoins(Instrument instrument, decimal quantity, decimal price) =>
        instrument.Settlement == Settlement.Linear ? Math.Abs(quantity) * instrument.ContractSize : Notional(instrument, quantity, price);

    /// <summary>The profile's schedule for <paramref name="instrument"/> at a position of <paramref name="quantity"/> marked at <paramref name="price"/>.</summary>
    public static BracketSchedule Schedule(RiskProfile profile, Instrument instrument, decimal quantity, decimal price) =>
        profile.GetBrackets(instrument, SizeInCoins(instrument, quantity, price));

    /// <summary>
    /// The bracket of <paramref name="notional"/>; a notional above a bounded last bracket is beyond
    /// the published tiers and throws rather than extrapolating.
    /// </summary>
    public static LeverageBracket FindPublished(BracketSchedule schedule, decimal notional, Instrument instrument, RiskProfile profile)
    {
        var last = schedule.Brackets[^1];
        if (notional >= last.NotionalCap)
            throw new InvalidMarginInputException($"positions[{instrument.Id}]",
                $"notional {Guard.Show(Math.Round(notional, 8))} is at or above the last bracket's cap {Guard.Show(last.NotionalCap)}: the profile's tiers stop there; " +
                $"supply brackets under '{profile.RuleKey(instrument) ?? instrument.Id}' in the book's \"supplied\" section or with RiskProfile.WithSupplement: " +
                $"their brackets above {Guard.Show(last.NotionalCap)} extend the profile's");
        return schedule.Find(notional);
    }

    /// <summary>Leverage used for IM: the chosen one, never above the bracket's maximum.</summary>
    public static decimal EffectiveLeverage(decimal? chosen, LeverageBracket bracket) =>
        chosen is { } lev ? Math.Min(lev, bracket.MaxLeverage) : bracket.MaxLeverage;

    public static decimal Index(MarketSnapshot market, string assetId) => market.GetIndexPriceDecimal(assetId);

    /// <summary>
    /// The mark of <paramref name="instrument"/> as a decimal: an expired option awaiting settlement is marked at its
    /// intrinsic value on the settlement price (coin for inverse); only an option may be marked at 0.
    /// </summary>
    public static decimal Mark(MarketSnapshot market, Instrument instrument)
    {
        if (instrument is EuropeanOption option && SettlementPrice(option, market) is { } settlement)
        {
            var intrinsic = option.Right == OptionRight.Call ? Math.Max(0m, settlement - option.Strike) : Math.Max(0m, option.Strike - settlement);
            return option.Settlement == Settlement.Linear ? intrinsic : intrinsic / settlement;
        }

        market.GetMarkPrice(instrument);
        return market.GetMarkPriceDecimal(instrument.Id);
    }

    /// <summary>
    /// The settlement price of an option whose expiry has passed and whose settlement price the snapshot gives, or
    /// null (a live option, or one the snapshot has no settlement price for: <see cref="CheckLive"/> rejects it).
    /// </summary>
    public static decimal? SettlementPrice(EuropeanOption option, MarketSnapshot market) =>
        option.Expiry <= market.ValuationTime && market.SettlementPrices.TryGetValue((option.Underlying.Id, option.Expiry), out var price)
            ? Rounding.ToDecimal(price)
            : null;

    /// <summary>Whether <paramref name="instrument"/> is an expired option awaiting settlement at a price the snapshot gives.</summary>
    public static bool IsSettling(Instrument instrument, MarketSnapshot market) =>
        instrument is EuropeanOption option && SettlementPrice(option, market) is not null;

    /// <summary>Rejects a future or option whose expiry is not after the valuation instant.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="market">The snapshot.</param>
    /// <param name="allowSettling">Accept an expired option whose settlement price the snapshot gives (held, not traded).</param>
    public static void CheckLive(Instrument instrument, MarketSnapshot market, bool allowSettling = false)
    {
        if (allowSettling && IsSettling(instrument, market))
            return;
        var expiry = instrument switch
        {
            Future f => f.Expiry,
            EuropeanOption o => o.Expiry,
            _ => (NodaTime.Instant?)null,
        };
        if (expiry is { } far && Pricing.YearFraction.Between(market.ValuationTime, far) > Limits.MaxTenorYears)
            throw new InvalidMarginInputException($"instruments[{instrument.Id}].expiry",
                $"{far} is more than {Limits.MaxTenorYears} years after the valuation time {market.ValuationTime}");
        if (expiry is { } at && at <= market.ValuationTime)
            throw new InvalidMarginInputException($"instruments[{instrument.Id}].expiry",
                $"expired at {at} which is not after the valuation time {market.ValuationTime}"
                + (instrument is EuropeanOption ? ", and the snapshot has no settlement price for it" : ""));
    }

    /// <summary>Exact figures of <paramref name="position"/> at its mark.</summary>
    public static PositionFigures Evaluate(Position position, MarketSnapshot market, RiskProfile profile)
    {
        var value = Value(position, market);
        var instrument = position.Instrument;
        switch (instrument)
        {
            case Spot:
                return value;
            case EuropeanOption option:
                if (position.Quantity > 0)
                    return value;
                if (IsSettling(option, market))
                    return value with { MaintenanceMarginUsd = -value.OptionValueUsd, InitialMarginUsd = -value.OptionValueUsd };
                var index = Index(market, option.Underlying.Id);
                var coins = Math.Abs(position.Quantity) * option.ContractSize;
                var markUsd = OptionPriceUsd(option, value.Mark, index);
                var rates = profile.GetOptionRates();
                return value with
                {
                    MaintenanceMarginUsd = StandardOptionMargin.ShortMaintenance(index, markUsd, rates) * coins,
                    InitialMarginUsd = StandardOptionMargin.ShortInitial(index, markUsd, OptionPriceUsd(option, position.EntryPrice, index), option.OutOfTheMoneyAmount(index), rates) * coins,
                };
            default:
                var notional = value.NotionalSettlement;
                var bracket = FindPublished(Schedule(profile, instrument, position.Quantity, value.Mark), notional, instrument, profile);
                var leverage = EffectiveLeverage(position.Leverage, bracket);
                var fee = profile.Fees.ChargeClosingFees ? notional * profile.Fees.TakerRate : 0m;
                return value with
                {
                    Bracket = bracket,
                    Leverage = leverage,
                    InitialMarginUsd = (notional / leverage + fee) * value.SettlementToUsd,
                    MaintenanceMarginUsd = (bracket.MaintenanceMargin(notional) + fee) * value.SettlementToUsd,
                    ClosingFeeUsd = fee * value.SettlementToUsd,
                };
        }
    }

    /// <summary>
    /// Mark-to-market figures of <paramref name="position"/> without requirements: notional, P&amp;L of
    /// perpetuals and futures, option value (long and short: signed).
    /// </summary>
    public static PositionFigures Value(Position position, MarketSnapshot market)
    {
        var instrument = position.Instrument;
        CheckLive(instrument, market, allowSettling: true);
        var mark = Mark(market, instrument);
        var toUsd = Index(market, instrument.SettlementAsset.Id);
        switch (instrument)
        {
            case Spot:
                var spotNotional = Notional(instrument, position.Quantity, mark);
                return new PositionFigures(mark, toUsd, spotNotional, spotNotional * toUsd, 0m, 0m, 0m, null, null, 0m, 0m, 0m);
            case EuropeanOption option:
                var index = Index(market, option.Underlying.Id);
                CheckInverseOptionPrice(option, mark, index, $"markPrices[{option.Id}]");
                CheckInverseOptionPrice(option, position.EntryPrice, index, $"positions[{option.Id}].entryPrice");
                var coins = position.Quantity * option.ContractSize;
                var notionalUsd = Math.Abs(coins) * index;
                return new PositionFigures(mark, toUsd, toUsd == 1m ? notionalUsd : notionalUsd / toUsd, notionalUsd, 0m, 0m, coins * OptionPriceUsd(option, mark, index), null, null, 0m, 0m, 0m);
            default:
                var notional = Notional(instrument, position.Quantity, mark);
                var pnl = Pnl(instrument, position.Quantity, position.EntryPrice, mark);
                return new PositionFigures(mark, toUsd, notional, notional * toUsd, pnl, pnl * toUsd, 0m, null, null, 0m, 0m, 0m);
        }
    }

    /// <summary>How far above its no-arbitrage bound an inverse option's price may be before it is taken for a USD figure.</summary>
    public const decimal InverseOptionPriceTolerance = 10m;

    /// <summary>
    /// Rejects an inverse option's price (entry, limit or mark, quoted in coin) above <see cref="InverseOptionPriceTolerance"/>
    /// times the most the option can be worth in coin: a call 1, a put strike / index. Such a figure is a USD price by
    /// orders of magnitude, and would inflate every premium that uses it by the index.
    /// </summary>
    /// <exception cref="InvalidMarginInputException">The price, named by <paramref name="field"/>.</exception>
    public static void CheckInverseOptionPrice(EuropeanOption option, decimal price, decimal index, string field)
    {
        if (option.Settlement == Settlement.Linear)
            return;
        var bound = option.Right == OptionRight.Call ? 1m : option.Strike / index;
        if (price > InverseOptionPriceTolerance * bound)
            throw new InvalidMarginInputException(field,
                $"is {Guard.Show(price)}, but an inverse option's price is quoted in {option.SettlementAsset.Id} per contract coin and this " +
                $"{option.Right.ToString().ToLowerInvariant()} is worth at most {Guard.Show(Math.Round(bound, 8))} {option.SettlementAsset.Id} " +
                $"({(option.Right == OptionRight.Call ? "a call: 1" : "a put: strike / index")}): is it a USD price?");
    }

    /// <summary>USD per coin of an option price quoted in its settlement asset.</summary>
    public static decimal OptionPriceUsd(EuropeanOption option, decimal price, decimal index) =>
        option.Settlement == Settlement.Linear ? price : price * index;

    /// <summary>Exact figures of a resting order against the position it would change (docs/methodology.md §Orders).</summary>
    public static (decimal OpeningNotionalUsd, decimal InitialMarginUsd, decimal MaintenanceMarginUsd, decimal OpeningFeeUsd) EvaluateOrder(
        OpenOrder order, Position? position, MarketSnapshot market, RiskProfile profile)
    {
        var instrument = order.Instrument;
        CheckLive(instrument, market);
        var held = position?.Quantity ?? 0m;
        var opening = Math.Sign(order.SignedQuantity) == Math.Sign(held) || held == 0m
            ? order.Quantity
            : Math.Max(0m, order.Quantity - Math.Abs(held));
        if (opening == 0m)
            return (0m, 0m, 0m, 0m);

        var toUsd = Index(market, instrument.SettlementAsset.Id);
        var addsToHeld = Math.Sign(order.SignedQuantity) == Math.Sign(held);
        decimal notionalUsd, im, mm;
        switch (instrument)
        {
            case Spot:
                notionalUsd = Notional(instrument, opening, order.LimitPrice) * toUsd;
                im = order.Side == OrderSide.Buy ? notionalUsd : 0m;
                mm = 0m;
                break;
            case EuropeanOption option:
                var index = Index(market, option.Underlying.Id);
                var coins = opening * option.ContractSize;
                CheckInverseOptionPrice(option, order.LimitPrice, index, $"orders[{option.Id}].limitPrice");
                var limitUsd = OptionPriceUsd(option, order.LimitPrice, index);
                notionalUsd = coins * limitUsd;
                if (order.Side == OrderSide.Buy)
                {
                    im = notionalUsd;
                    mm = 0m;
                }
                else
                {
                    var markUsd = OptionPriceUsd(option, Mark(market, option), index);
                    var rates = profile.GetOptionRates();
                    im = StandardOptionMargin.ShortInitial(index, markUsd, limitUsd, option.OutOfTheMoneyAmount(index), rates) * coins;
                    mm = StandardOptionMargin.ShortMaintenance(index, markUsd, rates) * coins;
                }

                break;
            default:
                var mark = Mark(market, instrument);
                var schedule = Schedule(profile, instrument, (addsToHeld ? Math.Abs(held) : 0m) + opening, mark);
                var before = addsToHeld ? Schedule(profile, instrument, held, mark) : schedule;
                var heldAtLimit = addsToHeld ? Notional(instrument, held, order.LimitPrice) : 0m;
                var heldAtMark = addsToHeld ? Notional(instrument, held, mark) : 0m;
                var limitNotional = Notional(instrument, opening, order.LimitPrice);
                var bracket = FindPublished(schedule, heldAtLimit + limitNotional, instrument, profile);
                notionalUsd = limitNotional * toUsd;
                im = limitNotional / EffectiveLeverage(position?.Leverage, bracket) * toUsd;
                mm = (schedule.MaintenanceMargin(heldAtMark + Notional(instrument, opening, mark)) - before.MaintenanceMargin(heldAtMark)) * toUsd;
                break;
        }

        var fee = profile.Fees.ChargeOpeningFees ? notionalUsd * profile.Fees.TakerRate : 0m;
        var closingFee = profile.OpenOrders.ClosingFeeAsIfFilled ? notionalUsd * profile.Fees.TakerRate : 0m;
        return (notionalUsd, im + closingFee, (profile.OpenOrders.MaintenanceAsIfFilled ? mm : 0m) + closingFee, fee);
    }
}
