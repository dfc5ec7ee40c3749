namespace MarginEngine.Scenarios;

/// <summary>Which table a scenario belongs to (docs/methodology.md §Scenarios).</summary>
public enum ScenarioKind
{
    /// <summary>The price x vol grid, counted in full.</summary>
    Standard,

    /// <summary>Far moves (vol up), P&amp;L weighted by priceRange / |move| and dampened.</summary>
    Extended,

    /// <summary>Extreme moves counted at a fraction (SPAN 35%, OKX MR6 50%).</summary>
    Extreme,

    /// <summary>Spot unchanged, vols tilted by log-moneyness (Derive's linear skew scenario).</summary>
    SkewLinear,

    /// <summary>Spot unchanged, both wings' vols raised by absolute log-moneyness (Derive's absolute skew scenario).</summary>
    SkewAbsolute,
}
