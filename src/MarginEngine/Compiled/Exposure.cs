using MarginEngine.Instruments;
using MarginEngine.Kernels;
using MarginEngine.Pricing;
using MarginEngine.Scenarios;

namespace MarginEngine.Compiled;

/// <summary>
/// One holding of a risk unit flattened for the scenario loop: a position, a resting order as if
/// filled, or the unit's coin collateral. P&amp;L is in the settlement currency (USD-like for linear,
/// coin for inverse) relative to the snapshot (docs/methodology.md §Scenarios).
/// </summary>
internal sealed class Exposure
{
    private Exposure(string id, ExposureKind kind, bool coinSettled, double quantity, double size, double basePrice, double settlementToUsd, string settlementAssetId = "USD")
    {
        Id = id;
        SettlementAssetId = settlementAssetId;
        Kind = kind;
        CoinSettled = coinSettled;
        Quantity = quantity;
        Size = size;
        _basePrice = basePrice;
        SettlementToUsd = settlementToUsd;
    }

    private Exposure(Exposure other, string id, double quantity)
        : this(id, other.Kind, other.CoinSettled, quantity, other.Size, other._basePrice, other.SettlementToUsd, other.SettlementAssetId)
    {
        _index = other._index;
        LogMoneyness = other.LogMoneyness;
        KernelValue = other.KernelValue;
        StrikeValue = other.StrikeValue;
        EffectiveStrike = other.EffectiveStrike;
        Discount = other.Discount;
        FixedForward = other.FixedForward;
        ValueScale = other.ValueScale;
        Option = other.Option;
        Years = other.Years;
        Volatility = other.Volatility;
        Delta = other.Delta;
        RollYears = other.RollYears;
        RiskArray = other.RiskArray;
    }

    private double _basePrice;
    private double _index;

    /// <summary>The same holding in another quantity: nothing but the quantity depends on it, so every other figure is reused as is.</summary>
    public Exposure WithQuantity(string id, double quantity) => new(this, id, quantity);

    public string Id { get; }

    /// <summary>The asset P&amp;L settles in (groups OKX MR9's cross-stablecoin hedges).</summary>
    public string SettlementAssetId { get; }

    public ExposureKind Kind { get; }

    public bool CoinSettled { get; }

    public double Quantity { get; }

    public double Size { get; }

    /// <summary>Mark (futures), index (spot, collateral) or model value V0 (options, USD per coin; priced on first use).</summary>
    public double BasePrice => Kind == ExposureKind.Option && double.IsNaN(_basePrice) ? (_basePrice = OptionValue(_index, 0, Volatility)) : _basePrice;

    /// <summary>The underlying's index at the snapshot (options only).</summary>
    public double Index => _index;

    /// <summary>ln(index / <see cref="EffectiveStrike"/>) at the snapshot (options only).</summary>
    public double LogMoneyness { get; private init; }

    /// <summary>Black-76 on spot at <see cref="EffectiveStrike"/> with the snapshot's vol, before <see cref="ValueScale"/> (options only): the kernel's base value.</summary>
    public double KernelValue { get; private init; }

    /// <summary>Strike as a double (options only).</summary>
    public double StrikeValue { get; private init; }

    /// <summary>Strike in spot terms, K x S / F (options only): Black-76 on the forward is <see cref="ValueScale"/> x Black-76 on spot at this strike.</summary>
    public double EffectiveStrike { get; private init; }

    /// <summary>The option's forward (index x F/S), for contingencies sized at the forward (options only).</summary>
    public double Forward => _index * (EffectiveStrike > 0 ? StrikeValue / EffectiveStrike : 1);

    /// <summary>Discount factor of the option's value (options only).</summary>
    public double Discount { get; private init; } = 1;

    /// <summary>
    /// The part of the forward already fixed in the settlement window (options only; 0 outside it): it no longer moves with
    /// spot, so the option is valued on the object path, not the kernel (docs/methodology.md §Forwards and discounting).
    /// </summary>
    public double FixedForward { get; private init; }

    /// <summary>(F / S) x discount factor (options only; 1 with neither forward basis nor discounting).</summary>
    public double ValueScale { get; private init; } = 1;

    /// <summary>USD per unit of a USD-like settlement asset (the stablecoin's index); 1 for coin settlement.</summary>
    public double SettlementToUsd { get; }

    public EuropeanOption? Option { get; private init; }

    public double Years { get; private init; }

    public double Volatility { get; private init; }

    /// <summary>Delta per coin to the index, forward and discounting included (options only).</summary>
    public double Delta { get; private init; }

    /// <summary>Roll-shock group: the expiry in years, or 0 for perpetuals; null for spot and collateral.</summary>
    public double? RollYears { get; private init; }

    /// <summary>A clearing house's per-contract losses in CME order (risk-array legs only).</summary>
    public MarketData.RiskArray? RiskArray { get; private init; }

    /// <summary>USD delta in coins at the snapshot.</summary>
    public double DeltaCoins => Kind switch
    {
        ExposureKind.InverseFuture => Quantity * Size / BasePrice,
        ExposureKind.Option => Quantity * Size * Delta,
        ExposureKind.RiskArray => Quantity * RiskArray!.CompositeDelta,
        _ => Quantity * Size,
    };

    /// <summary>
    /// A leg valued from its clearing house's risk array (docs/methodology.md §SPAN risk arrays), not repriced; an
    /// option keeps its contract for the contingencies and the short-option minimum.
    /// </summary>
    public static Exposure FromRiskArray(Instrument instrument, double quantity, MarketData.RiskArray array, double? rollYears) =>
        new(instrument.Id, ExposureKind.RiskArray, false, quantity, (double)instrument.ContractSize, double.NaN, 1, instrument.SettlementAsset.Id)
        {
            RiskArray = array,
            Option = instrument as EuropeanOption,
            StrikeValue = instrument is EuropeanOption o ? (double)o.Strike : 0,
            RollYears = rollYears,
        };

    public static Exposure Holding(string id, double coins, double index) => new(id, ExposureKind.Holding, false, coins, 1, index, 1);

    public static Exposure Spot(string id, double coins, double mark, double quoteToUsd) => new(id, ExposureKind.Holding, false, coins, 1, mark, quoteToUsd);

    public static Exposure Future(Instrument instrument, double quantity, double mark, double settlementToUsd, double rollYears) =>
        instrument.Settlement == Settlement.Linear
            ? new(instrument.Id, ExposureKind.LinearFuture, false, quantity, (double)instrument.ContractSize, mark, settlementToUsd, instrument.SettlementAsset.Id) { RollYears = rollYears }
            : new(instrument.Id, ExposureKind.InverseFuture, true, quantity, (double)instrument.ContractSize, mark, 1, instrument.SettlementAsset.Id) { RollYears = rollYears };

    /// <summary>
    /// An option priced with Black-76 on its expiry's <paramref name="forward"/> and discounted by
    /// <paramref name="discount"/> (docs/methodology.md §Forwards and discounting). With g = (F / S) x D and the
    /// effective strike K' = K x S / F, the value is g x Black76(S, K'): forward and discount are per-option
    /// constants, so a spot move s moves the forward by the same s and the kernel is unchanged.
    /// </summary>
    public static Exposure ForOption(EuropeanOption option, double quantity, double index, double forward, double discount, double volatility, double years,
        double settlementToUsd, double fixedForward = 0)
    {
        var strike = (double)option.Strike;
        var effectiveStrike = forward == index ? strike : strike * (index / forward);
        var scale = forward / index * discount;
        var stdDev = volatility * Math.Sqrt(years);
        var call = option.Right == OptionRight.Call;
        var logMoneyness = Math.Log(index / effectiveStrike);
        // One Black-76 evaluation at the snapshot gives the kernel's base value and N(±d1): a call's delta is N(d1), a put's N(d1) - 1 = -N(-d1).
        var (value, cdf) = OptionKernel.ValueAndCdf(logMoneyness, 0, index, effectiveStrike, stdDev, 1 / stdDev, call ? 1 : -1);
        if (!call)
            cdf = -cdf;
        if (fixedForward > 0)
        {
            var d1 = Math.Log(forward / strike) / stdDev + 0.5 * stdDev;
            cdf = call ? FastMath.NormalCdf(d1) : FastMath.NormalCdf(d1) - 1;
        }

        return new Exposure(option.Id, ExposureKind.Option, option.Settlement == Settlement.Inverse, quantity, (double)option.ContractSize,
            double.NaN, option.Settlement == Settlement.Inverse ? 1 : settlementToUsd, option.SettlementAsset.Id)
        {
            _index = index,
            _basePrice = fixedForward > 0 ? double.NaN : scale * value,
            LogMoneyness = logMoneyness,
            KernelValue = value,
            StrikeValue = strike,
            EffectiveStrike = effectiveStrike,
            ValueScale = scale,
            Discount = discount,
            FixedForward = fixedForward,
            Option = option,
            Years = years,
            Volatility = volatility,
            // dV/dS = D x N(d1) x dF/dS, and only the variable part of the forward moves with spot.
            Delta = fixedForward > 0 ? discount * cdf * (forward - fixedForward) / index : scale * cdf,
            RollYears = years,
        };
    }

    /// <summary>P&amp;L in the settlement currency when the underlying index moves from <paramref name="index"/> by <paramref name="move"/>.</summary>
    public double Pnl(double move, double index, VolState vol, VolShock shock, double volFraction = 1.0)
    {
        switch (Kind)
        {
            case ExposureKind.RiskArray:
                throw new Errors.InvalidMarginInputException($"riskArrays[{Id}]",
                    "a leg with a clearing-house risk array is valued only in its SPAN scenarios, not at other moves");
            case ExposureKind.LinearFuture:
            case ExposureKind.Holding:
                return Quantity * Size * BasePrice * move;
            case ExposureKind.InverseFuture:
                return Quantity * Size * (1 / BasePrice - 1 / (BasePrice * (1 + move)));
            default:
                var shocked = index * (1 + move);
                var value = OptionValue(index, move, shock.Apply(Volatility, Years * YearFraction.DaysPerYear, vol, volFraction));
                return CoinSettled
                    ? Quantity * Size * (value / shocked - BasePrice / index)
                    : Quantity * Size * (value - BasePrice);
        }
    }

    /// <summary>Black-76 value (FastMath) at the index moved by <paramref name="move"/> and vol <paramref name="volatility"/>, USD per coin.</summary>
    private double OptionValue(double index, double move, double volatility)
    {
        var stdDev = volatility * Math.Sqrt(Years);
        var sign = Option!.Right == OptionRight.Call ? 1.0 : -1.0;
        if (FixedForward > 0)
        {
            var forward = (Forward - FixedForward) * (1 + move) + FixedForward;
            return Discount * OptionKernel.Value(Math.Log(forward / StrikeValue), 0, forward, StrikeValue, stdDev, 1 / stdDev, sign);
        }

        return ValueScale * OptionKernel.Value(Math.Log(index / EffectiveStrike), Math.Log(1 + move), index * (1 + move), EffectiveStrike, stdDev, 1 / stdDev, sign);
    }

    /// <summary>Change of an option's value, settlement currency, when <paramref name="days"/> pass with spot, forward basis, discount and vol held.</summary>
    public double Decay(double index, double days)
    {
        var later = ValueScale * Black76.Price(Option!.Right, index, EffectiveStrike, Volatility, Math.Max(Years - days / YearFraction.DaysPerYear, 0));
        var now = ValueScale * Black76.Price(Option.Right, index, EffectiveStrike, Volatility, Years);
        return CoinSettled ? Quantity * Size * (later - now) / index : Quantity * Size * (later - now);
    }

    /// <summary>
    /// Value at the snapshot in the settlement currency, the reference of scenario P&amp;L: coins x index for
    /// holdings, the model value for options, zero for perpetuals and futures (their P&amp;L starts now).
    /// </summary>
    public double BaseValue(double index) => Kind switch
    {
        ExposureKind.Holding => Quantity * Size * BasePrice,
        ExposureKind.Option => Quantity * Size * (CoinSettled ? BasePrice / index : BasePrice),
        _ => 0,
    };

    /// <summary>USD P&amp;L of a settlement-currency P&amp;L when the underlying moves from <paramref name="index"/> to <paramref name="price"/>: value after minus value before, each in USD.</summary>
    public double ToUsd(double pnl, double index, double price)
    {
        if (!CoinSettled)
            return pnl * SettlementToUsd;
        var before = BaseValue(index);
        return (before + pnl) * price - before * index;
    }

    /// <summary>Coin P&amp;L of a settlement-currency P&amp;L: value after over the new price minus value before over the index.</summary>
    public double ToCoin(double pnl, double index, double price)
    {
        if (CoinSettled)
            return pnl;
        var before = BaseValue(index) * SettlementToUsd;
        return (before + pnl * SettlementToUsd) / price - before / index;
    }
}

/// <summary>How an exposure moves with its underlying.</summary>
internal enum ExposureKind
{
    /// <summary>Coins held: spot positions and coin collateral (USD value moves with the index).</summary>
    Holding,

    /// <summary>Quote-settled perpetual or future.</summary>
    LinearFuture,

    /// <summary>Coin-settled perpetual or future.</summary>
    InverseFuture,

    /// <summary>European option, fully repriced.</summary>
    Option,

    /// <summary>A leg valued from a clearing house's risk array (SPAN), not repriced.</summary>
    RiskArray,
}
