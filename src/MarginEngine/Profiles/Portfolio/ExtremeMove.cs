using MarginEngine.Scenarios;

namespace MarginEngine.Profiles;

/// <summary>An extreme move counted at <paramref name="Fraction"/> of its P&amp;L (SPAN ±2 x range at 35%; OKX MR6 at 50%).</summary>
public readonly record struct ExtremeMove(double Move, double Fraction, VolState Vol = VolState.Same);
