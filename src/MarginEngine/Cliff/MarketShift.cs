using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Pricing;

namespace MarginEngine.Cliff;

/// <summary>
/// A snapshot with some assets' prices moved (docs/methodology.md §Margin cliff): index x (1 + move); the marks of the
/// account's perpetuals, futures and spot pairs on a moved asset by the same factor; an option's mark by its Black-76
/// change at the moved forward (forward curves are basis rates, so forwards move with the index; fixed parts of
/// forwards stay), keeping the gap between mark and model; vols up by the shock's points. Stablecoins never move.
/// </summary>
internal static class MarketShift
{
    /// <param name="market">The snapshot.</param>
    /// <param name="account">The account whose instruments' marks and vols move.</param>
    /// <param name="moves">Move per asset id (0.1 = +10%), each above -1.</param>
    /// <param name="volUp">Vol points added per asset id to its options (0.05 = 5 points).</param>
    /// <exception cref="InvalidMarginInputException">The account holds a moved instrument valued from a clearing house's risk array.</exception>
    public static MarketSnapshot Apply(MarketSnapshot market, Account account, IReadOnlyDictionary<string, double> moves, IReadOnlyDictionary<string, double> volUp)
    {
        var index = market.IndexPrices.ToDictionary(StringComparer.Ordinal);
        foreach (var (asset, move) in moves)
        {
            if (index.TryGetValue(asset, out var price))
                index[asset] = price * (1 + move);
        }

        var instruments = account.Positions.Select(p => p.Instrument).Concat(account.Orders.Select(o => o.Instrument)).Distinct().ToArray();
        var vols = market.ImpliedVolatilities.ToDictionary(StringComparer.Ordinal);
        foreach (var option in instruments.OfType<EuropeanOption>())
        {
            if (volUp.TryGetValue(option.Underlying.Id, out var up) && vols.TryGetValue(option.Id, out var vol))
                vols[option.Id] = Raise(vol, up);
        }

        var surfaces = market.VolatilitySurfaces.Values.Select(s => volUp.TryGetValue(s.Underlying, out var up) && up != 0 ? s.Raised(up) : s).ToArray();
        var moved = Snapshot(market, index, market.MarkPrices, vols, surfaces);
        var marks = market.MarkPrices.ToDictionary(StringComparer.Ordinal);
        foreach (var instrument in instruments)
        {
            if (!moves.TryGetValue(instrument.Underlying.Id, out var move) || !marks.TryGetValue(instrument.Id, out var mark))
                continue;
            if (market.RiskArrays.ContainsKey(instrument.Id))
                throw new InvalidMarginInputException($"riskArrays[{instrument.Id}]",
                    "a clearing house's risk array holds at its snapshot only: a price move needs the position repriced");
            marks[instrument.Id] = instrument is EuropeanOption option ? OptionMark(option, mark, market, moved) : mark * (1 + move);
        }

        return Snapshot(market, index, marks, vols, surfaces);
    }

    /// <summary>A vol raised by <paramref name="points"/>, kept inside (0, the largest vol a snapshot takes].</summary>
    internal static double Raise(double vol, double points) => Math.Clamp(vol + points, 1e-4, Numerics.Limits.MaxVolatility);

    private static MarketSnapshot Snapshot(MarketSnapshot market, IReadOnlyDictionary<string, double> index, IReadOnlyDictionary<string, double> marks,
        IReadOnlyDictionary<string, double> vols, IEnumerable<VolatilitySurface> surfaces) =>
        new(market.ValuationTime, index, marks, vols, surfaces, market.RiskArrays, market.Forwards, market.DiscountRates,
            market.SettlementPrices.Select(p => (p.Key.Underlying, p.Key.Expiry, p.Value)), market.Confidences,
            market.ForwardFixings.Select(f => (f.Key.Underlying, f.Key.Expiry, f.Value)));

    /// <summary>The mark plus the option's model change (USD per coin, discounted) from one snapshot to the other, floored at 0.</summary>
    private static double OptionMark(EuropeanOption option, double mark, MarketSnapshot before, MarketSnapshot after)
    {
        if (option.Expiry <= before.ValuationTime)
            return mark;
        var underlying = option.Underlying.Id;
        var change = Value(option, after) - Value(option, before);
        return option.Settlement == Settlement.Inverse
            ? Math.Max(0, (mark * before.GetIndexPrice(underlying) + change) / after.GetIndexPrice(underlying))
            : Math.Max(0, mark + change / before.GetIndexPrice(option.SettlementAsset.Id));
    }

    private static double Value(EuropeanOption option, MarketSnapshot market)
    {
        var underlying = option.Underlying.Id;
        var forward = market.GetForward(underlying, option.Expiry);
        return market.GetDiscountFactor(underlying, option.Expiry) * Black76.Price(option.Right, forward, (double)option.Strike,
            market.GetOptionVolatility(option, forward), YearFraction.Between(market.ValuationTime, option.Expiry));
    }
}
