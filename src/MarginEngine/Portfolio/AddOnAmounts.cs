using MarginEngine.Profiles;

namespace MarginEngine.Portfolio;

/// <summary>Add-on amounts of a unit in USD; zero when switched off.</summary>
internal struct AddOnAmounts
{
    public double RollShock, DeltaShock, ShortOptionContingency, FuturesContingency, GrossOptionContingency, MinimumDeltaCharge, ShortOptionMinimum, ThetaDecay, Basis, MinimumCharge, StablecoinDepeg;

    /// <summary>Derive's basis contingency, USD: a floor under the worst loss, not added to it.</summary>
    public double BasisContingency;

    /// <summary>Derive's oracle-confidence contingency, USD, IM only (under loss factors).</summary>
    public double OracleContingency;

    /// <summary>The contingencies' MM and IM parts in USD under loss factors: each amount times its weights.</summary>
    internal readonly (double Maintenance, double Initial) Weighted(AddOnParameters parameters)
    {
        double mm = 0, im = 0;
        void Add(Results.AddOnKind kind, double amount)
        {
            var w = parameters.Weights?.GetValueOrDefault(kind) ?? AddOnWeights.Both;
            mm += amount * w.Maintenance;
            im += amount * w.Initial;
        }

        Add(Results.AddOnKind.RollShock, RollShock);
        Add(Results.AddOnKind.DeltaShock, DeltaShock);
        Add(Results.AddOnKind.ShortOptionContingency, ShortOptionContingency);
        Add(Results.AddOnKind.FuturesContingency, FuturesContingency);
        Add(Results.AddOnKind.GrossOptionContingency, GrossOptionContingency);
        var oracle = parameters.Weights?.GetValueOrDefault(Results.AddOnKind.OracleContingency) ?? AddOnWeights.InitialOnly;
        mm += OracleContingency * oracle.Maintenance;
        im += OracleContingency * oracle.Initial;
        return (mm, im);
    }
}
