namespace MarginEngine.Profiles;

/// <summary>A far move of the extended table (vol up); <paramref name="Weight"/> null means priceRange / |move|.</summary>
public readonly record struct ExtendedMove(double Move, double? Weight = null);
