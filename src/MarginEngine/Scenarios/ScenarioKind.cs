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
}
