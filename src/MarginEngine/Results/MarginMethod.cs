namespace MarginEngine.Results;

/// <summary>The method a report was computed with.</summary>
public enum MarginMethod
{
    /// <summary>Every perpetual and future margined on its own (docs/methodology.md §Isolated).</summary>
    Isolated,

    /// <summary>One shared pool (docs/methodology.md §Cross).</summary>
    Cross,

    /// <summary>Scenario-grid portfolio margin.</summary>
    Portfolio,
}
