namespace MarginEngine.Results;

/// <summary>One asset's collateral line, rounded: gross down, collateral value down, haircut as their difference.</summary>
/// <param name="AssetId">Asset.</param>
/// <param name="Quantity">Coins held (balance plus spot positions); negative = borrowed.</param>
/// <param name="IndexPrice">USD index.</param>
/// <param name="GrossValue">Quantity x index, USD.</param>
/// <param name="Haircut">Gross minus collateral value, USD.</param>
/// <param name="CollateralValue">Value counted as collateral, USD.</param>
public sealed record CollateralMargin(string AssetId, decimal Quantity, decimal IndexPrice, decimal GrossValue, decimal Haircut, decimal CollateralValue);
