namespace MarginEngine.Results;

/// <summary>Margin on one borrowed asset, USD, rounded per docs/numerics.md.</summary>
/// <param name="AssetId">Asset borrowed.</param>
/// <param name="BorrowedValue">|balance| x index.</param>
/// <param name="InitialMargin">Borrowed value x borrow IM rate.</param>
/// <param name="MaintenanceMargin">Borrowed value x borrow MM rate.</param>
public sealed record BorrowMargin(string AssetId, decimal BorrowedValue, decimal InitialMargin, decimal MaintenanceMargin);
