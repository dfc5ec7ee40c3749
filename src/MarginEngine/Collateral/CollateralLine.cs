using MarginEngine.Assets;

namespace MarginEngine.Collateral;

/// <summary>One asset's contribution to collateral, in USD.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Quantity">Coins held (wallet balance plus spot positions); negative = borrowed.</param>
/// <param name="IndexPrice">USD index price used.</param>
/// <param name="GrossValue">Quantity x index.</param>
/// <param name="CollateralValue">Value after the haircut schedule; equals gross for a borrow.</param>
public sealed record CollateralLine(Asset Asset, decimal Quantity, decimal IndexPrice, decimal GrossValue, decimal CollateralValue)
{
    /// <summary>Gross minus collateral value (USD).</summary>
    public decimal Haircut => GrossValue - CollateralValue;
}
