namespace MarginEngine.Profiles;

/// <summary>The premium a short option's standard IM adds (docs/methodology.md §Options).</summary>
public enum OptionPremiumBasis
{
    /// <summary>max(entry or limit price, mark): Bybit.</summary>
    HigherOfEntryAndMark,

    /// <summary>The mark: Deribit.</summary>
    Mark,
}
