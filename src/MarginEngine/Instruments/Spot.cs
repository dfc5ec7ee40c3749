using MarginEngine.Assets;

namespace MarginEngine.Instruments;

/// <summary>
/// A spot pair. A spot position is a holding of the base asset: it is valued as collateral of that
/// asset (haircut applied), and a short spot position is a borrow (docs/methodology.md §Spot).
/// </summary>
public sealed record Spot : Instrument
{
    /// <summary>Creates a spot pair <paramref name="baseAsset"/>/<paramref name="quoteAsset"/> with one coin per unit.</summary>
    public Spot(string id, Asset baseAsset, Asset quoteAsset)
        : base(id, baseAsset, quoteAsset, Settlement.Linear, 1m)
    {
    }
}
