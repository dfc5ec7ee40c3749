namespace MarginEngine.Results;

/// <summary>One add-on of a risk unit, in the unit's currency (positive = charge).</summary>
/// <param name="Kind">Which add-on.</param>
/// <param name="Amount">Charge.</param>
public sealed record AddOnCharge(AddOnKind Kind, double Amount)
{
    /// <summary>Display name, e.g. "roll shock", "MR2 theta decay".</summary>
    public string Name => Kind switch
    {
        AddOnKind.RollShock => "roll shock",
        AddOnKind.DeltaShock => "delta shock",
        AddOnKind.ShortOptionContingency => "short option contingency",
        AddOnKind.FuturesContingency => "futures contingency",
        AddOnKind.GrossOptionContingency => "gross option contingency",
        AddOnKind.MinimumDeltaCharge => "minimum delta charge",
        AddOnKind.ShortOptionMinimum => "short option minimum",
        AddOnKind.ThetaDecay => "MR2 theta decay",
        AddOnKind.Basis => "MR4 basis",
        AddOnKind.MinimumCharge => "MR7 minimum charge",
        AddOnKind.StablecoinDepeg => "MR9 stablecoin depeg",
        AddOnKind.BasisContingency => "basis contingency (floor)",
        AddOnKind.OracleContingency => "oracle contingency (IM)",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };
}
