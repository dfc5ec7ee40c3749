namespace MarginEngine.Profiles;

/// <summary>How a unit's worst loss and add-ons combine (docs/methodology.md §Portfolio).</summary>
public enum MarginFamily
{
    /// <summary>Deribit, Bybit, Paradex: worst case + roll shock + delta shock + contingencies, floored by the minimum delta charge.</summary>
    RiskMatrix,

    /// <summary>CME SPAN: max(scan risk - inter-commodity credit, short option minimum).</summary>
    Span,

    /// <summary>OKX risk units: max{ max(MR1, MR2, MR6) + MR4 + MR3 + MR5 + MR9, MR7 } (MR3, MR5 not modelled).</summary>
    Okx,
}
