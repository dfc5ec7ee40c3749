namespace MarginEngine.Instruments;

/// <summary>Call or put.</summary>
public enum OptionRight
{
    /// <summary>Right to buy the underlying at the strike.</summary>
    Call,

    /// <summary>Right to sell the underlying at the strike.</summary>
    Put,
}
