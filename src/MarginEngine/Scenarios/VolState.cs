namespace MarginEngine.Scenarios;

/// <summary>Implied-volatility state of a scenario.</summary>
public enum VolState
{
    /// <summary>Vols shocked down.</summary>
    Down,

    /// <summary>Vols unchanged.</summary>
    Same,

    /// <summary>Vols shocked up.</summary>
    Up,
}
