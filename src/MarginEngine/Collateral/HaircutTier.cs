namespace MarginEngine.Collateral;

/// <summary>One tier of a haircut schedule: the part of a holding inside [Floor, Cap) counts at <see cref="CollateralRatio"/>.</summary>
/// <param name="Floor">Inclusive lower bound (coins or USD, per the schedule's basis).</param>
/// <param name="Cap">Exclusive upper bound, or null for the last, unbounded tier.</param>
/// <param name="CollateralRatio">1 - haircut, in [0, 1].</param>
public readonly record struct HaircutTier(decimal Floor, decimal? Cap, decimal CollateralRatio);
