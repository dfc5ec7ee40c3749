namespace MarginEngine.Results;

/// <summary>
/// Portfolio IM and MM in USD (unrounded; before isolated positions' and borrows' standard margin),
/// as a what-if answers them.
/// </summary>
/// <param name="InitialMargin">IM, USD.</param>
/// <param name="MaintenanceMargin">MM, USD.</param>
/// <param name="RiskMatrixMargin">Σ unit risk-matrix margins less cross-unit offsets, USD.</param>
public readonly record struct MarginQuote(double InitialMargin, double MaintenanceMargin, double RiskMatrixMargin);
