namespace MarginEngine.Portfolio;

/// <summary>How short options are netted for the short-option contingency (docs/methodology.md §Add-ons).</summary>
public enum ShortOptionNetting
{
    /// <summary>Per series: expiry, strike and right.</summary>
    PerSeries,

    /// <summary>Per expiry and strike, calls and puts netted together (Deribit: "per net short option per strike").</summary>
    AcrossRightsAtStrike,
}

/// <summary>What the futures contingency is charged on (docs/methodology.md §Add-ons).</summary>
public enum FuturesContingencyBasis
{
    /// <summary>The gross of all perpetual and future legs.</summary>
    Gross,

    /// <summary>The offsetting (hedged) amount only: (gross - |net|) / 2 (Deribit: "for offsetting futures").</summary>
    Offsetting,
}
