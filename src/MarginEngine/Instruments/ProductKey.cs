namespace MarginEngine.Instruments;

/// <summary>
/// The names a profile may file an instrument's rules under, most specific first: the instrument id
/// (<c>BTCUSDT</c>), the pair and kind (<c>BTC/USDT perpetual</c>), the settlement and kind
/// (<c>BTC linear perpetual</c>). Presets use the product forms, so a venue's rule for "a linear BTC
/// perpetual" prices the book's instrument whatever its symbol (docs/presets.md §Product keys).
/// </summary>
public static class ProductKey
{
    /// <summary>The lookup keys of <paramref name="instrument"/>, most specific first.</summary>
    public static IEnumerable<string> Candidates(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        yield return instrument.Id;
        yield return Pair(instrument);
        yield return BySettlement(instrument);
    }

    /// <summary><c>BTC/USDT perpetual</c>: underlying / settlement asset, then the kind.</summary>
    public static string Pair(Instrument instrument) => $"{instrument.Underlying.Id}/{instrument.SettlementAsset.Id} {Kind(instrument)}";

    /// <summary><c>BTC linear perpetual</c>: underlying, settlement, kind.</summary>
    public static string BySettlement(Instrument instrument) =>
        $"{instrument.Underlying.Id} {(instrument.Settlement == Settlement.Linear ? "linear" : "inverse")} {Kind(instrument)}";

    private static string Kind(Instrument instrument) => instrument switch
    {
        Spot => "spot",
        Perpetual => "perpetual",
        Future => "future",
        EuropeanOption => "option",
        _ => throw new ArgumentOutOfRangeException(nameof(instrument)),
    };
}
